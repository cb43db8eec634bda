package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.LinkedHashMap;
import java.util.Map;
import ru.rusoragentai.console.abuse.AbuseRuleService;
import ru.rusoragentai.console.abuse.RuleRow;
import ru.rusoragentai.console.abuse.Severity;
import ru.rusoragentai.console.abuse.detect.ParamSpec;

/** Edits one rule: on or off, live or shadow, its threshold, window, weight, severity and its own parameters. */
class RuleEditDialog extends Dialog {

    RuleEditDialog(AbuseRuleService.RuleSummary summary, AbuseRuleService rules, Runnable saved) {
        RuleRow row = summary.row();
        setId("rule-edit-dialog");
        setHeaderTitle(AbuseText.rule(this, row.code()));
        Checkbox enabled = new Checkbox(getTranslation("abuse.rules.enabled"), row.enabled());
        enabled.setId("rule-enabled");
        Checkbox shadow = new Checkbox(getTranslation("abuse.rules.shadow"), row.shadow());
        shadow.setId("rule-shadow");
        NumberField threshold = whole("rule-threshold", "abuse.rules.threshold", row.threshold(), 1, 1_000_000_000L);
        NumberField window = whole("rule-window", "abuse.rules.window", row.windowMinutes(), 0, 366 * 1440);
        NumberField weight = whole("rule-weight", "abuse.rules.weight", row.weight(), 0, 1000);
        Select<Severity> severity = new Select<>();
        severity.setId("rule-severity");
        severity.setLabel(getTranslation("abuse.severity"));
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(s -> getTranslation("abuse.severity." + s.dbValue()));
        severity.setValue(row.severity());
        FormLayout form = new FormLayout(enabled, shadow, threshold, window, weight, severity);
        Map<String, NumberField> params = new LinkedHashMap<>();
        for (ParamSpec spec : summary.specs()) {
            NumberField field = whole("rule-param-" + spec.name(), "abuse.param." + spec.name(),
                    row.params().getOrDefault(spec.name(), spec.defaultValue()), spec.min(), spec.max());
            params.put(spec.name(), field);
            form.add(field);
        }
        add(new Paragraph(getTranslation("abuse.rule." + row.code() + ".description")), new Paragraph(getTranslation("abuse.rules.threshold.help."
                + row.code())), form);
        Button save = new Button(getTranslation("action.save"), e -> {
            boolean invalid = threshold.isInvalid() || window.isInvalid() || weight.isInvalid() || threshold.getValue() == null
                    || window.getValue() == null || weight.getValue() == null
                    || params.values().stream().anyMatch(f -> f.isInvalid() || f.getValue() == null);
            if (invalid) {
                Notices.refused(this, new ru.rusoragentai.console.abuse.AbuseException("abuse.error.form"));
                return;
            }
            Map<String, Long> values = new LinkedHashMap<>();
            params.forEach((name, field) -> values.put(name, field.getValue().longValue()));
            RuleRow edited = new RuleRow(row.code(), threshold.getValue().longValue(), window.getValue().intValue(), enabled.getValue(),
                    weight.getValue().intValue(), severity.getValue(), shadow.getValue(), row.watermark(), row.lastRunAt(), row.lastRunMs(),
                    row.lastError(), row.version(), values);
            if (Notices.attempt(this, () -> rules.update(edited))) {
                Notices.done(this, "abuse.rules.saved", AbuseText.rule(this, row.code()));
                close();
                saved.run();
            }
        });
        save.setId("rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private NumberField whole(String id, String key, double value, double min, double max) {
        NumberField field = new NumberField(getTranslation(key));
        field.setId(id);
        field.setValue(value);
        field.setMin(min);
        field.setMax(max);
        field.setStep(1);
        field.setRequired(true);
        field.setErrorMessage(getTranslation("abuse.error.between", AbuseText.number(this, (long) min), AbuseText.number(this, (long) max)));
        return field;
    }
}

package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDateTime;
import java.util.function.BiConsumer;
import ru.rusoragentai.console.kit.IsoDates;

/** Snoozes a rule for one user until a date, with a reason; missing values are marked and the dialog stays open. */
class SnoozeDialog extends Dialog {

    SnoozeDialog(String rule, LocalDateTime now, BiConsumer<LocalDateTime, String> onSnooze) {
        setId("snooze-dialog");
        setHeaderTitle(getTranslation("abuse.snooze.title", AbuseText.rule(this, rule)));
        DatePicker until = IsoDates.apply(new DatePicker(getTranslation("abuse.snooze.until")));
        until.setId("snooze-until");
        until.setMin(now.toLocalDate().plusDays(1));
        until.setMax(now.toLocalDate().plusYears(1));
        until.setValue(now.toLocalDate().plusDays(30));
        until.setRequired(true);
        TextArea reason = new TextArea(getTranslation("user.reason"));
        reason.setId("snooze-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        add(until, reason);
        Button snooze = new Button(getTranslation("abuse.snooze"), e -> {
            until.setInvalid(until.getValue() == null);
            reason.setInvalid(reason.getValue().isBlank());
            reason.setErrorMessage(getTranslation("user.error.reason-required"));
            if (until.isInvalid() || reason.isInvalid()) {
                return;
            }
            close();
            onSnooze.accept(until.getValue().atStartOfDay(), reason.getValue());
        });
        snooze.setId("snooze-confirm");
        snooze.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), snooze);
    }
}

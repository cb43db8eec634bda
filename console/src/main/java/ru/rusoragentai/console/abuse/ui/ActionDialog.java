package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDateTime;
import java.util.UUID;
import ru.rusoragentai.console.abuse.AbuseActionService;
import ru.rusoragentai.console.abuse.ActionKind;
import ru.rusoragentai.console.kit.IsoDates;

/**
 * A measure on one user, or asked for a whole case: its kind, the cap or the ban's end, and a reason. The request key
 * is made when the dialog opens, so a double click is one request.
 */
class ActionDialog extends Dialog {

    private final String requestKey = UUID.randomUUID().toString();

    /** What the confirm button sends: a measure on one user, or a request for a whole case. */
    private interface Submit {
        Object submit(ActionKind kind, Long amount, LocalDateTime until, String reason);
    }

    private Submit submit;

    /** For one user, from a flag (or null) on the queue or the user page. */
    ActionDialog(long userId, Long flagId, AbuseActionService actions, Runnable done) {
        this(false, done);
        submit = (kind, amount, until, reason) -> actions.act(userId, kind, amount, until, reason, flagId, requestKey);
    }

    /** For every user of a case: it waits for a second administrator. */
    ActionDialog(long caseId, AbuseActionService actions, Runnable done) {
        this(true, done);
        submit = (kind, amount, until, reason) -> actions.requestForCase(caseId, kind, amount, until, reason, requestKey);
    }

    private ActionDialog(boolean forCase, Runnable done) {
        setId("action-dialog");
        setHeaderTitle(getTranslation(forCase ? "abuse.act.case" : "abuse.act"));
        Select<ActionKind> kind = new Select<>();
        kind.setId("action-kind");
        kind.setLabel(getTranslation("abuse.action.kind"));
        kind.setItems(ActionKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("abuse.action." + k.dbValue()));
        kind.setValue(ActionKind.WATCH);
        Paragraph help = new Paragraph();
        help.setId("action-help");
        NumberField cap = new NumberField(getTranslation("abuse.action.cap"));
        cap.setId("action-cap");
        cap.setMin(0);
        cap.setStep(1);
        DatePicker until = IsoDates.apply(new DatePicker(getTranslation("abuse.action.until")));
        until.setId("action-until");
        until.setClearButtonVisible(true);
        TextArea reason = new TextArea(getTranslation("user.reason"));
        reason.setId("action-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        Runnable shape = () -> {
            cap.setVisible(kind.getValue() == ActionKind.CAP);
            until.setVisible(kind.getValue() == ActionKind.BAN);
            help.setText(getTranslation("abuse.action." + kind.getValue().dbValue() + ".help")
                    + (forCase ? " " + getTranslation("abuse.act.case.help") : ""));
        };
        kind.addValueChangeListener(e -> shape.run());
        shape.run();
        add(kind, help, cap, until, reason);
        Button confirm = new Button(getTranslation(forCase ? "abuse.act.request" : "abuse.act.confirm"), e -> {
            reason.setInvalid(reason.getValue().isBlank());
            reason.setErrorMessage(getTranslation("user.error.reason-required"));
            cap.setInvalid(kind.getValue() == ActionKind.CAP && cap.getValue() == null);
            if (reason.isInvalid() || cap.isInvalid()) {
                return;
            }
            Long amount = cap.getValue() == null ? null : cap.getValue().longValue();
            LocalDateTime end = until.getValue() == null ? null : until.getValue().atStartOfDay();
            if (Notices.attempt(this, () -> submit.submit(kind.getValue(), amount, end, reason.getValue()))) {
                Notices.done(this, forCase ? "abuse.act.requested" : "abuse.act.done", getTranslation("abuse.action." + kind.getValue().dbValue()));
                close();
                done.run();
            }
        });
        confirm.setId("action-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}

package ru.rusoragentai.console.tokens.ui;

import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import ru.rusoragentai.console.kit.Plurals;
import ru.rusoragentai.console.tokens.ReasonCode;
import ru.rusoragentai.console.users.UserProfile;

/** Credit or debit a user's tokens with a reason; large changes go to an ADMIN for approval. */
class AdjustTokensDialog extends Dialog {

    record Values(long delta, @Nullable ReasonCode reason, @Nullable String comment, String ticket, boolean allowNegative) {
    }

    AdjustTokensDialog(UserProfile profile, long threshold, boolean admin, Consumer<Values> onSubmit) {
        setId("adjust-dialog");
        setHeaderTitle(getTranslation("user.action.adjust"));
        IntegerField delta = new IntegerField(getTranslation("adjust.delta"));
        delta.setId("adjust-delta");
        delta.setHelperText(getTranslation("adjust.delta.help", threshold));
        delta.setRequired(true);
        Select<ReasonCode> reason = new Select<>();
        reason.setId("adjust-reason");
        reason.setLabel(getTranslation("adjust.reason"));
        reason.setItems(ReasonCode.values());
        reason.setItemLabelGenerator(r -> getTranslation("adjust.reason." + r.dbValue()));
        TextArea comment = new TextArea(getTranslation("adjust.comment"));
        comment.setId("adjust-comment");
        comment.setRequired(true);
        comment.setMaxLength(1000);
        TextField ticket = new TextField(getTranslation("adjust.ticket"));
        ticket.setId("adjust-ticket");
        ticket.setMaxLength(128);
        Checkbox allowNegative = new Checkbox(getTranslation("adjust.allow-negative"));
        allowNegative.setId("adjust-allow-negative");
        allowNegative.setVisible(admin);
        add(new Paragraph(Plurals.text(this, "adjust.current", profile.balance(), profile.balance())), new FormLayout(delta, reason, comment, ticket, allowNegative));
        Button submit = new Button(getTranslation("adjust.submit"), e -> {
            if (delta.getValue() == null || delta.getValue() == 0) {
                delta.setInvalid(true);
                delta.setErrorMessage(getTranslation("adjust.error.zero"));
                return;
            }
            if (reason.getValue() == null) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("adjust.error.reason"));
                return;
            }
            if (comment.getValue().isBlank()) {
                comment.setInvalid(true);
                comment.setErrorMessage(getTranslation("adjust.error.comment"));
                return;
            }
            close();
            onSubmit.accept(new Values(delta.getValue(), reason.getValue(), comment.getValue(), ticket.getValue(), allowNegative.getValue()));
        });
        submit.setId("adjust-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), submit);
    }
}

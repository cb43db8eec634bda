package ru.rusoragentai.console.kit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/** Confirmation of a change that must carry a reason; a missing reason is marked and the dialog stays open. */
public class ReasonDialog extends Dialog {

    public ReasonDialog(String title, String question, Consumer<String> onConfirm) {
        setId("reason-dialog");
        setHeaderTitle(title);
        TextArea reason = new TextArea(getTranslation("user.reason"));
        reason.setId("reason-text");
        reason.setWidthFull();
        reason.setRequired(true);
        add(new Paragraph(question), reason);
        Button confirm = new Button(getTranslation("action.confirm"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("user.error.reason-required"));
                return;
            }
            close();
            onConfirm.accept(reason.getValue());
        });
        confirm.setId("reason-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}

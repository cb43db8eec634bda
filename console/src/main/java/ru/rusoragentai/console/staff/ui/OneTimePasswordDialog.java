package ru.rusoragentai.console.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;

/** Shows a one-time password once, for the admin to hand over; it is not stored anywhere readable. */
class OneTimePasswordDialog extends Dialog {

    OneTimePasswordDialog(String username, String password) {
        setHeaderTitle(getTranslation("staff.one-time-password"));
        setId("one-time-password-dialog");
        Span value = new Span(password);
        value.setId("one-time-password");
        value.addClassName("secret-value");
        add(new Paragraph(getTranslation("staff.one-time-password.text", username)), value);
        Button copy = new Button(getTranslation("staff.one-time-password.copy"), VaadinIcon.COPY.create());
        copy.setId("one-time-password-copy");
        copy.addClickListener(e -> {
            // the browser's clipboard; the password stays on this page and in no log
            getElement().executeJs("navigator.clipboard.writeText($0)", password);
            Notification.show(getTranslation("staff.one-time-password.copied"), 3_000, Notification.Position.BOTTOM_START);
        });
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("one-time-password-close");
        getFooter().add(copy, close);
    }
}

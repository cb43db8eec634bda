package ru.rusoragentai.console.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import ru.rusoragentai.console.staff.StaffException;
import ru.rusoragentai.console.staff.StaffService;

/** Own password change; every staff member is sent here while their password is a one-time one. */
@Route(value = "change-password", autoLayout = false)
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    public ChangePasswordView(StaffService staffService) {
        addClassName("change-password-view");
        setAlignItems(Alignment.CENTER);
        PasswordField current = new PasswordField(getTranslation("password.current"));
        current.setId("current-password");
        PasswordField fresh = new PasswordField(getTranslation("password.new"));
        fresh.setId("new-password");
        fresh.setHelperText(getTranslation("password.rules"));
        PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
        repeat.setId("repeat-password");
        Button save = new Button(getTranslation("password.save"), e -> {
            if (!fresh.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage(getTranslation("password.error.mismatch"));
                return;
            }
            try {
                staffService.changeOwnPassword(current.getValue(), fresh.getValue());
                Notification.show(getTranslation("password.changed")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (StaffException refused) {
                Notification.show(getTranslation(refused.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(new H2(getTranslation("password.heading")),
                new Paragraph(getTranslation("password.intro")), current, fresh, repeat, save);
        form.setMaxWidth("28rem");
        add(form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.heading");
    }
}

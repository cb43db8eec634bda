package ru.rusoragentai.console.staff.ui;

import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.staff.StaffSummary;

/** Create or edit a staff account. Fires the entered values; the view calls the service. */
class StaffDialog extends Dialog {

    record Values(@Nullable String username, @Nullable String displayName, boolean enabled, Set<Role> roles) {
    }

    StaffDialog(StaffSummary existing, Consumer<Values> onSave) {
        setHeaderTitle(getTranslation(existing == null ? "staff.new" : "staff.edit"));
        setId("staff-dialog");
        TextField username = new TextField(getTranslation("staff.username"));
        username.setId("staff-username");
        username.setRequired(true);
        username.setHelperText(getTranslation("staff.username.help"));
        TextField displayName = new TextField(getTranslation("staff.display-name"));
        displayName.setId("staff-display-name");
        Checkbox enabled = new Checkbox(getTranslation("staff.enabled"), true);
        enabled.setId("staff-enabled");
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("staff.roles"));
        roles.setId("staff-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            enabled.setValue(existing.enabled());
            roles.setValue(existing.roles());
        } else {
            enabled.setVisible(false);
        }
        add(new FormLayout(username, displayName, roles, enabled));
        Button save = new Button(getTranslation("action.save"), e -> {
            if (roles.getValue().isEmpty()) {
                roles.setInvalid(true);
                roles.setErrorMessage(getTranslation("staff.error.no-roles"));
                return;
            }
            onSave.accept(new Values(username.getValue(), displayName.getValue(), enabled.getValue(),
                    EnumSet.copyOf(roles.getValue())));
        });
        save.setId("staff-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}

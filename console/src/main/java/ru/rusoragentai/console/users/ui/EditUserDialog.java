package ru.rusoragentai.console.users.ui;

import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import ru.rusoragentai.console.users.UserProfile;

/** Correction of a user's username, display name and email (GDPR Art. 16). */
class EditUserDialog extends Dialog {

    record Values(@Nullable String username, @Nullable String displayName, @Nullable String email, @Nullable String note) {
    }

    /** {@code initialNote}: what the note says to begin with, e.g. the privacy request a correction answers; may be null. */
    EditUserDialog(UserProfile profile, String initialNote, Consumer<Values> onSave) {
        setId("edit-user-dialog");
        setHeaderTitle(getTranslation("user.action.edit"));
        TextField username = new TextField(getTranslation("user.username"));
        username.setId("edit-username");
        username.setValue(profile.username());
        username.setPattern("[A-Za-z0-9_]{3,64}");
        username.setRequired(true);
        TextField displayName = new TextField(getTranslation("user.display-name"));
        displayName.setId("edit-display-name");
        displayName.setValue(profile.displayName());
        displayName.setRequired(true);
        displayName.setMaxLength(128);
        EmailField email = new EmailField(getTranslation("user.email"));
        email.setId("edit-email");
        email.setValue(profile.email() == null ? "" : profile.email());
        email.setClearButtonVisible(true);
        TextArea note = new TextArea(getTranslation("user.edit.note"));
        note.setId("edit-note");
        note.setHelperText(getTranslation("user.edit.note.help"));
        note.setValue(initialNote == null ? "" : initialNote);
        add(new FormLayout(username, displayName, email, note));
        Button save = new Button(getTranslation("action.save"), e -> {
            close();
            onSave.accept(new Values(username.getValue(), displayName.getValue(), email.getValue(), note.getValue()));
        });
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}

package ru.rusoragentai.console.privacy.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.privacy.Jurisdiction;
import ru.rusoragentai.console.privacy.NewPrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyException;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.kit.IsoDates;

/** Intake: who asked (any identifier), what for, how it arrived, under which law, and when. */
class NewPrivacyRequestDialog extends Dialog {

    NewPrivacyRequestDialog(PrivacyRequestService requests, Runnable onCreated) {
        setId("privacy-new-dialog");
        setHeaderTitle(getTranslation("privacy.new"));
        TextField identifier = new TextField(getTranslation("privacy.identifier"));
        identifier.setId("privacy-identifier");
        identifier.setHelperText(getTranslation("privacy.identifier.help"));
        ComboBox<RequestType> type = new ComboBox<>(getTranslation("privacy.type"));
        type.setId("privacy-type");
        type.setItems(Arrays.asList(RequestType.values()));
        type.setItemLabelGenerator(t -> getTranslation("privacy.type." + t.dbValue()));
        ComboBox<String> channel = new ComboBox<>(getTranslation("privacy.channel"));
        channel.setId("privacy-channel");
        channel.setItems(List.of("email", "telegram", "in_app"));
        channel.setItemLabelGenerator(c -> getTranslation("privacy.channel." + c));
        ComboBox<Jurisdiction> jurisdiction = new ComboBox<>(getTranslation("privacy.jurisdiction"));
        jurisdiction.setId("privacy-jurisdiction");
        jurisdiction.setItems(Arrays.asList(Jurisdiction.values()));
        jurisdiction.setItemLabelGenerator(Jurisdiction::name);
        jurisdiction.setValue(Jurisdiction.GDPR);
        DatePicker received = IsoDates.apply(new DatePicker(getTranslation("privacy.received")));
        received.setId("privacy-received");
        received.setValue(requests.today());
        received.setMax(requests.today());
        TextArea note = new TextArea(getTranslation("privacy.note"));
        note.setId("privacy-note");
        FormLayout form = new FormLayout(identifier, type, channel, jurisdiction, received, note);
        form.setColspan(note, 2);
        add(form);
        identifier.setRequiredIndicatorVisible(true);
        type.setRequiredIndicatorVisible(true);
        channel.setRequiredIndicatorVisible(true);
        jurisdiction.setRequiredIndicatorVisible(true);
        Button save = new Button(getTranslation("privacy.create"), e -> {
            // each missing field says so next to itself; nothing goes to the service until all are there
            boolean missing = required(identifier, identifier.getValue().isBlank()) | required(type, type.isEmpty())
                    | required(channel, channel.isEmpty()) | required(jurisdiction, jurisdiction.isEmpty());
            if (missing) {
                return;
            }
            try {
                PrivacyRequest created = requests.create(new NewPrivacyRequest(identifier.getValue(), type.getValue(),
                        channel.getValue(), jurisdiction.getValue(), received.getValue(), note.getValue()));
                Notification.show(getTranslation(created.userId() == null ? "privacy.created.no-user" : "privacy.created",
                        created.id(), created.due())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                onCreated.run();
            } catch (PrivacyException invalid) {
                Notification.show(Texts.of(this, invalid)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("privacy-create");
        identifier.addValueChangeListener(e -> identifier.setInvalid(false));
        type.addValueChangeListener(e -> type.setInvalid(false));
        channel.addValueChangeListener(e -> channel.setInvalid(false));
        jurisdiction.addValueChangeListener(e -> jurisdiction.setInvalid(false));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    /** Marks the field when {@code empty}; returns whether it did. */
    private boolean required(HasValidation field, boolean empty) {
        if (empty) {
            field.setErrorMessage(getTranslation("form.required"));
            field.setInvalid(true);
        }
        return empty;
    }
}

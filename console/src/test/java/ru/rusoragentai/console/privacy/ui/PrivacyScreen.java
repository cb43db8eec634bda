package ru.rusoragentai.console.privacy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.privacy.VerificationMethod;

/** The privacy screen as a privacy officer works it, for Karibu tests: intake, opening a request, its fields. */
final class PrivacyScreen {

    private PrivacyScreen() {
    }

    /** Records a request for the identifier through the new-request dialog, verifies the identity and starts work. */
    static PrivacyRequest intakeAndStart(PrivacyRequestService requests, String identifier, RequestType type) {
        UI.getCurrent().navigate(PrivacyRequestListView.class);
        _click(_get(Button.class, spec -> spec.withId("privacy-new")));
        _get(TextField.class, spec -> spec.withId("privacy-identifier")).setValue(identifier);
        PrivacyScreen.<RequestType>combo("privacy-type").setValue(type);
        PrivacyScreen.<String>combo("privacy-channel").setValue("email");
        _click(_get(Button.class, spec -> spec.withId("privacy-create")));
        PrivacyRequest created = GridKt._findAll(grid()).stream().filter(r -> r.subjectReference().equals(identifier))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(created.userId()).isNotNull();
        openRequest(created);
        PrivacyScreen.<VerificationMethod>combo("privacy-verify-method").setValue(VerificationMethod.EMAIL_CONFIRMATION);
        _click(_get(Button.class, spec -> spec.withId("privacy-verify")));
        _click(_get(Button.class, spec -> spec.withId("privacy-start")));
        return requests.get(created.id());
    }

    /** Closes the open request dialog and opens the request again from the list (a new language applies then). */
    static void reopen(PrivacyRequest request) {
        _get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("privacy-dialog")).close();
        UI.getCurrent().navigate(PrivacyRequestListView.class);
        openRequest(request);
    }

    /** Opens the request's dialog from its row in the list. */
    static void openRequest(PrivacyRequest request) {
        int row = GridKt._findAll(grid()).stream().map(PrivacyRequest::id).toList().indexOf(request.id());
        Component cell = GridKt._getCellComponent(grid(), row, "actions");
        _click(_get(cell, Button.class, spec -> spec.withClasses("privacy-open")));
    }

    @SuppressWarnings("unchecked")
    static <T> ComboBox<T> combo(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Grid<PrivacyRequest> grid() {
        return _get(Grid.class, spec -> spec.withId("privacy-grid"));
    }
}

package ru.rusoragentai.console.privacy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.APP_USER;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.privacy.Deadlines;
import ru.rusoragentai.console.privacy.Jurisdiction;
import ru.rusoragentai.console.privacy.NewPrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.privacy.VerificationMethod;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.support.TestClock;

class PrivacyRequestListViewTest extends KaribuTest {

    @Autowired
    PrivacyRequestService requests;

    @Test
    void shouldTakeInAnObjectionAndCarryItToCompletion() {
        long user = TestData.insertUser(dsl, "Objects Strongly");
        openUiAs("officer-ui", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(PrivacyRequestListView.class);

        _click(_get(Button.class, spec -> spec.withId("privacy-new")));
        _get(TextField.class, spec -> spec.withId("privacy-identifier")).setValue(Long.toString(TestData.telegramId(dsl, user)));
        PrivacyScreen.<RequestType>combo("privacy-type").setValue(RequestType.OBJECTION);
        PrivacyScreen.<String>combo("privacy-channel").setValue("telegram");
        _click(_get(Button.class, spec -> spec.withId("privacy-create")));
        PrivacyRequest created = GridKt._findAll(grid()).stream().filter(r -> user == (r.userId() == null ? -1 : r.userId()))
                .findFirst().orElseThrow();
        assertThat(created.due()).isEqualTo(Deadlines.due(Jurisdiction.GDPR, TestClock.today()));
        assertThat(created.type()).isEqualTo(RequestType.OBJECTION);

        _click(rowButton(created, "privacy-open"));
        PrivacyScreen.<VerificationMethod>combo("privacy-verify-method").setValue(VerificationMethod.TELEGRAM_ACCOUNT);
        _click(_get(Button.class, spec -> spec.withId("privacy-verify")));
        _click(_get(Button.class, spec -> spec.withId("privacy-start")));
        _get(TextArea.class, spec -> spec.withId("privacy-complete-text")).setValue("We no longer use your data for analytics.");
        _click(_get(Button.class, spec -> spec.withId("privacy-complete")));

        assertThat(requests.get(created.id()).status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(dsl.select(APP_USER.PROCESSING_OBJECTED).from(APP_USER).where(APP_USER.ID.eq(user)).fetchSingle().value1()).isTrue();
    }

    @Test
    void shouldShowAnOverdueRequestAsOverdue() {
        signInAs("officer-ui", Role.PRIVACY_OFFICER);
        LocalDate received = TestClock.today().minusDays(40);
        PrivacyRequest late = requests.create(new NewPrivacyRequest(TestData.unique("late"), RequestType.ACCESS, "email",
                Jurisdiction.GDPR, received, null));
        openUiAs("officer-ui", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(PrivacyRequestListView.class);

        Span badge = (Span) GridKt._getCellComponent(grid(), rowOf(late), "days-left");

        long overdueBy = -late.daysLeft(TestClock.today());
        assertThat(overdueBy).isPositive();
        assertThat(badge.getText()).isEqualTo("Overdue by " + overdueBy + " days");
        UI.getCurrent().navigate("");
        Span overdue = _get(Span.class, spec -> spec.withId("dashboard-privacy-overdue"));
        assertThat(Integer.parseInt(overdue.getText().replaceAll("\\D", ""))).isEqualTo(requests.openAndOverdue()[1]).isPositive();
    }

    @Test
    void shouldMarkAMissingChannelNextToTheFieldAndRecordNothing() {
        openUiAs("agent-ui", Role.SUPPORT);
        UI.getCurrent().navigate(PrivacyRequestListView.class);
        int before = requests.count(null, false);
        _click(_get(Button.class, spec -> spec.withId("privacy-new")));
        _get(TextField.class, spec -> spec.withId("privacy-identifier")).setValue("@" + TestData.unique("olivia_"));
        PrivacyScreen.<RequestType>combo("privacy-type").setValue(RequestType.CORRECTION);

        _click(_get(Button.class, spec -> spec.withId("privacy-create")));

        ComboBox<String> channel = PrivacyScreen.<String>combo("privacy-channel");
        assertThat(channel.isInvalid()).isTrue();
        assertThat(channel.getErrorMessage()).isEqualTo("Fill this in.");
        assertThat(channel.isRequiredIndicatorVisible()).isTrue();
        // dates as the grids print them
        assertThat(_get(DatePicker.class, spec -> spec.withId("privacy-received")).getI18n().getDateFormats()).containsExactly("yyyy-MM-dd");
        assertThat(PrivacyScreen.<RequestType>combo("privacy-type").isInvalid()).isFalse();
        assertThat(_get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("privacy-new-dialog")).isOpened()).isTrue();
        assertThat(requests.count(null, false)).isEqualTo(before);
        // and the service, asked directly, refuses with a message instead of a NullPointerException
        signInAs("agent-ui", Role.SUPPORT);
        assertThatThrownBy(() -> requests.create(new NewPrivacyRequest("@olivia", RequestType.CORRECTION, null, Jurisdiction.GDPR,
                null, null))).isInstanceOf(ru.rusoragentai.console.privacy.PrivacyException.class);
    }

    @Test
    void shouldRefuseARequestDatedInTheFuture() {
        openUiAs("agent-ui", Role.SUPPORT);
        UI.getCurrent().navigate(PrivacyRequestListView.class);
        _click(_get(Button.class, spec -> spec.withId("privacy-new")));
        _get(TextField.class, spec -> spec.withId("privacy-identifier")).setValue("someone@example.test");
        PrivacyScreen.<RequestType>combo("privacy-type").setValue(RequestType.ACCESS);
        PrivacyScreen.<String>combo("privacy-channel").setValue("email");
        _get(DatePicker.class, spec -> spec.withId("privacy-received")).setMax(null);
        _get(DatePicker.class, spec -> spec.withId("privacy-received")).setValue(TestClock.today().plusDays(2));
        _click(_get(Button.class, spec -> spec.withId("privacy-create")));
        NotificationsKt.expectNotifications("The receipt date must be within the last year and not in the future.");
    }

    @Test
    void shouldRefuseOperators() {
        openUiAs("operator-ui", Role.OPERATOR);
        assertNotAllowed(() -> UI.getCurrent().navigate(PrivacyRequestListView.class));
    }

    private int rowOf(PrivacyRequest request) {
        return GridKt._findAll(grid()).stream().map(PrivacyRequest::id).toList().indexOf(request.id());
    }

    private Button rowButton(PrivacyRequest request, String name) {
        Component cell = GridKt._getCellComponent(grid(), rowOf(request), "actions");
        return _get(cell, Button.class, spec -> spec.withClasses(name));
    }

    @SuppressWarnings("unchecked")
    private static Grid<PrivacyRequest> grid() {
        return _get(Grid.class, spec -> spec.withId("privacy-grid"));
    }
}

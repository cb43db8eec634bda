package ru.rusoragentai.console.privacy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.PAYMENT;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.privacy.VerificationMethod;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.SupportFixture;

/** Every request type from intake to its answer, through the privacy screen as staff would work it. */
class PrivacyRequestTypesViewTest extends KaribuTest {

    @Autowired
    PrivacyRequestService requests;

    @ParameterizedTest
    @EnumSource(value = RequestType.class, names = {"ACCESS", "PORTABILITY"})
    void shouldAnswerWithABuiltPackage(RequestType type) throws Exception {
        SupportFixture user = SupportFixture.create(dsl, "Wants Their Data");
        openUiAs("officer-ui", Role.PRIVACY_OFFICER);
        PrivacyRequest request = PrivacyScreen.intakeAndStart(requests, user.email(), type);

        _click(_get(Button.class, spec -> spec.withId("privacy-package-build")));

        assertThat(_get(Div.class, spec -> spec.withId("privacy-package-state")).getText()).startsWith("Built: in ");
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        PrivacyScreen.reopen(request);
        assertThat(_get(Div.class, spec -> spec.withId("privacy-package-state")).getText()).as("the build summary in Russian")
                .startsWith("Собран: за ").contains("хранится до");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        PrivacyScreen.reopen(request);
        assertThat(_get(Anchor.class, spec -> spec.withId("privacy-package-download")).getHref()).isNotBlank();
        complete("Your data package is attached.");
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.COMPLETED);
    }

    @ParameterizedTest
    @EnumSource(value = RequestType.class, names = {"DELETION", "REPORTED_MINOR"})
    void shouldEraseOnlyAfterAnotherOfficerApproves(RequestType type) throws Exception {
        SupportFixture user = SupportFixture.create(dsl, "Wants To Leave");
        openUiAs("officer-ui", Role.PRIVACY_OFFICER);
        PrivacyRequest request = PrivacyScreen.intakeAndStart(requests, "@" + user.username(), type);
        if (type == RequestType.REPORTED_MINOR) {
            assertThat(status(user.userId())).as("a reported minor is suspended at intake").isEqualTo("suspended");
        }

        _click(_get(Button.class, spec -> spec.withId("privacy-erasure-prepare")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("privacy-erasure-prepare-confirm")));
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withId("privacy-erasure-approve")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("privacy-erasure-approve-confirm")));
        NotificationsKt.expectNotifications("You prepared this erasure; another privacy officer or admin must approve it.");
        assertThat(status(user.userId())).isNotNull();

        openUiAs("officer-two", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(PrivacyRequestListView.class);
        PrivacyScreen.openRequest(request);
        _click(_get(Button.class, spec -> spec.withId("privacy-erasure-approve")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("privacy-erasure-approve-confirm")));

        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(status(user.userId())).as("the account is gone").isNull();
        assertThat(dsl.fetchCount(PAYMENT, PAYMENT.EXTERNAL_ID.eq(user.paymentId()), PAYMENT.USER_ID.isNull())).isEqualTo(1);
        assertThat(_get(Details.class, spec -> spec.withId("privacy-residual-scan")).getSummaryText()).startsWith("Residual scan: clean");
        _click(_get(Button.class, spec -> spec.withId("privacy-recipient-notified-tribute")));
        assertThat(_find(Button.class, spec -> spec.withId("privacy-recipient-notified-tribute"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shouldSayARefusalInTheStaffMembersLanguage() throws Exception {
        SupportFixture user = SupportFixture.create(dsl, "Wants To Leave In Russian");
        openUiAs("officer-ui", Role.PRIVACY_OFFICER);
        PrivacyScreen.intakeAndStart(requests, "@" + user.username(), RequestType.DELETION);
        _click(_get(Button.class, spec -> spec.withId("privacy-erasure-prepare")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("privacy-erasure-prepare-confirm")));
        NotificationsKt.clearNotifications();

        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        _click(_get(Button.class, spec -> spec.withId("privacy-erasure-approve")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("privacy-erasure-approve-confirm")));
        NotificationsKt.expectNotifications("Это удаление подготовили вы; согласовать его должен другой специалист по данным или администратор.");
    }

    @ParameterizedTest
    @EnumSource(value = RequestType.class, names = {"CORRECTION", "RESTRICTION"})
    void shouldCompleteCorrectionAndRestrictionWithTheirAnswer(RequestType type) throws Exception {
        SupportFixture user = SupportFixture.create(dsl, "Has A Typo");
        openUiAs("officer-ui", Role.PRIVACY_OFFICER);
        PrivacyRequest request = PrivacyScreen.intakeAndStart(requests, Long.toString(user.telegramId()), type);
        if (type == RequestType.CORRECTION) {
            _click(_get(Button.class, spec -> spec.withId("privacy-correct-link")));
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                    .isEqualTo("users/" + user.userId() + "?privacyRequest=" + request.id());
            _click(_get(Button.class, spec -> spec.withId("user-edit")));
            assertThat(_get(TextArea.class, spec -> spec.withId("edit-note")).getValue())
                    .isEqualTo("Correction for privacy request #" + request.id());
            _get(TextField.class, spec -> spec.withId("edit-display-name")).setValue("Has No Typo");
            _click(_get(Button.class, spec -> spec.withId("edit-save")));
            var audit = ru.rusoragentai.db.Tables.AUDIT_EVENT;
            assertThat(dsl.fetchCount(audit, audit.ACTION.eq("user.corrected"), audit.TARGET_ID.eq(Long.toString(user.userId()))))
                    .isEqualTo(1);
            assertThat(context.getBean(ru.rusoragentai.console.audit.AuditService.class).forTarget("user", Long.toString(user.userId()), 0, 20)
                    .stream().filter(e -> e.action().equals("user.corrected")).findFirst().orElseThrow().details())
                    .contains("Has A Typo", "Has No Typo", "privacy request #" + request.id());
            UI.getCurrent().navigate(PrivacyRequestListView.class);
            PrivacyScreen.openRequest(request);
        }

        complete(type == RequestType.CORRECTION ? "Your name was corrected on the user page." : "Processing is restricted.");

        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.COMPLETED);
        boolean restricted = dsl.select(APP_USER.PROCESSING_RESTRICTED).from(APP_USER).where(APP_USER.ID.eq(user.userId())).fetchSingle().value1();
        assertThat(restricted).isEqualTo(type == RequestType.RESTRICTION);
    }

    private void complete(String answer) {
        _get(TextArea.class, spec -> spec.withId("privacy-complete-text")).setValue(answer);
        _click(_get(Button.class, spec -> spec.withId("privacy-complete")));
    }

    private String status(long userId) {
        return dsl.select(APP_USER.STATUS).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional(APP_USER.STATUS).orElse(null);
    }
}

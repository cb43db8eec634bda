package ru.rusoragentai.console.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.support.TestClock;

class PrivacyRequestServiceIT extends DatabaseTest {

    @Autowired
    PrivacyRequestService requests;

    @BeforeEach
    void officer() {
        signInAs("officer-1", Role.PRIVACY_OFFICER);
    }

    @Test
    void shouldRecordAnUnknownIdentifierAndAnswerThatWeHoldNoData() {
        String who = TestData.unique("nobody") + "@example.test";
        LocalDate received = TestClock.today().minusDays(3);

        PrivacyRequest created = requests.create(new NewPrivacyRequest(who, RequestType.ACCESS, "email", Jurisdiction.GDPR, received, null));

        assertThat(created.userId()).isNull();
        assertThat(created.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(created.due()).isEqualTo(Deadlines.due(Jurisdiction.GDPR, received));
        PrivacyRequest done = walkToInProgress(created);
        done = requests.complete(done.id(), done.version(), "Nothing to send.");
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(dsl.select(ru.rusoragentai.db.Tables.PRIVACY_REQUEST.OUTCOME).from(ru.rusoragentai.db.Tables.PRIVACY_REQUEST)
                .where(ru.rusoragentai.db.Tables.PRIVACY_REQUEST.ID.eq(done.id())).fetchSingle().value1())
                .startsWith("We hold no data about " + who);
        assertThat(auditActions(done.id())).containsExactly("privacy.request_created", "privacy.identity_verified",
                "privacy.in_progress", "privacy.completed");
    }

    @Test
    void shouldSuspendAReportedMinorAtOnce() {
        long user = TestData.insertUser(dsl, "Possibly Young");

        requests.create(new NewPrivacyRequest(Long.toString(TestData.telegramId(dsl, user)), RequestType.REPORTED_MINOR,
                "telegram", Jurisdiction.GDPR, null, "Parent wrote in"));

        assertThat(dsl.select(APP_USER.STATUS).from(APP_USER).where(APP_USER.ID.eq(user)).fetchSingle().value1()).isEqualTo("suspended");
    }

    @Test
    void shouldSetTheObjectionAndRestrictionFlagsWhenThoseRequestsComplete() {
        long user = TestData.insertUser(dsl, "Objecting");
        String username = dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(user)).fetchSingle().value1();

        PrivacyRequest objection = walkToInProgress(requests.create(new NewPrivacyRequest("@" + username, RequestType.OBJECTION,
                "in_app", Jurisdiction.GDPR, null, null)));
        requests.complete(objection.id(), objection.version(), "Your data is no longer used for analytics.");
        PrivacyRequest restriction = walkToInProgress(requests.create(new NewPrivacyRequest(username, RequestType.RESTRICTION,
                "in_app", Jurisdiction.GDPR, null, null)));
        requests.complete(restriction.id(), restriction.version(), "Processing restricted.");

        var flags = dsl.select(APP_USER.PROCESSING_OBJECTED, APP_USER.PROCESSING_RESTRICTED).from(APP_USER).where(APP_USER.ID.eq(user)).fetchSingle();
        assertThat(flags.value1()).isTrue();
        assertThat(flags.value2()).isTrue();
        assertThat(objection.userId()).isEqualTo(user);
    }

    @Test
    void shouldNotCompleteADeletionWithoutItsErasureRun() {
        long user = TestData.insertUser(dsl, "Deleting");
        PrivacyRequest deletion = walkToInProgress(requests.create(new NewPrivacyRequest(Long.toString(user), RequestType.DELETION,
                "email", Jurisdiction.GDPR, null, null)));

        assertThatThrownBy(() -> requests.complete(deletion.id(), deletion.version(), "Deleted."))
                .isInstanceOf(PrivacyException.class).hasMessageContaining("approved erasure");
        assertThat(requests.get(deletion.id()).status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void shouldRejectWithTheReasonAndTheRightToComplain() {
        PrivacyRequest request = requests.create(new NewPrivacyRequest(TestData.unique("x"), RequestType.ACCESS, "email",
                Jurisdiction.CCPA, null, null));

        PrivacyRequest rejected = requests.reject(request.id(), request.version(), "Identity could not be verified.");

        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("Identity could not be verified.");
        assertThat(request.acknowledgeBy()).isNotNull();
        assertThatThrownBy(() -> requests.reject(rejected.id(), rejected.version(), "again")).isInstanceOf(PrivacyException.class);
    }

    @Test
    void shouldRefuseTheWrongStepAndAStaleVersion() {
        PrivacyRequest request = requests.create(new NewPrivacyRequest(TestData.unique("y"), RequestType.CORRECTION, "email",
                Jurisdiction.GDPR, null, null));

        assertThatThrownBy(() -> requests.startWork(request.id(), request.version()))
                .isInstanceOf(PrivacyException.class).hasMessage("The request is received, not identity verified.");
        requests.verifyIdentity(request.id(), request.version(), VerificationMethod.EMAIL_CONFIRMATION, null);
        assertThatThrownBy(() -> requests.reject(request.id(), request.version(), "stale"))
                .isInstanceOf(PrivacyException.class).hasMessageContaining("Someone else changed this request");
        assertThatThrownBy(() -> requests.verifyIdentity(request.id(), request.version() + 1, VerificationMethod.OTHER, " "))
                .isInstanceOf(PrivacyException.class).hasMessageContaining("'other' needs a note");
    }

    @Test
    void shouldExtendAGdprDeadlineByAtMostTwoMonths() {
        LocalDate received = TestClock.today().minusDays(10);
        PrivacyRequest request = requests.create(new NewPrivacyRequest(TestData.unique("z"), RequestType.ACCESS, "email",
                Jurisdiction.GDPR, received, null));

        PrivacyRequest extended = requests.extend(request.id(), request.version(), 2, "Many requests at once.");

        assertThat(extended.due()).isEqualTo(request.due().plusMonths(2));
        assertThatThrownBy(() -> requests.extend(extended.id(), extended.version(), 1, "more"))
                .isInstanceOf(PrivacyException.class).hasMessageContaining("two further months");
    }

    @Test
    void shouldLetSupportTakeInRequestsButNotDecideThem() {
        signInAs("agent-1", Role.SUPPORT);
        PrivacyRequest request = requests.create(new NewPrivacyRequest(TestData.unique("s"), RequestType.ACCESS, "telegram",
                Jurisdiction.OTHER, null, null));
        PrivacyRequest verified = requests.verifyIdentity(request.id(), request.version(), VerificationMethod.TELEGRAM_ACCOUNT, null);

        assertThatThrownBy(() -> requests.startWork(verified.id(), verified.version())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.reject(verified.id(), verified.version(), "no")).isInstanceOf(AccessDeniedException.class);
        signInAs("analyst-1", Role.ANALYST);
        assertThatThrownBy(() -> requests.list(null, true, 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    private PrivacyRequest walkToInProgress(PrivacyRequest request) {
        PrivacyRequest verified = requests.verifyIdentity(request.id(), request.version(), VerificationMethod.EMAIL_CONFIRMATION, null);
        return requests.startWork(verified.id(), verified.version());
    }

    private java.util.List<String> auditActions(long requestId) {
        return dsl.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.TARGET_TYPE.eq("privacy_request"), AUDIT_EVENT.TARGET_ID.eq(Long.toString(requestId)))
                .orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ACTION);
    }
}

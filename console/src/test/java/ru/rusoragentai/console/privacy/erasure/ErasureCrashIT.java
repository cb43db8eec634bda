package ru.rusoragentai.console.privacy.erasure;

import ru.rusoragentai.console.privacy.SubjectFixture;
import ru.rusoragentai.console.privacy.VerificationMethod;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.NewPrivacyRequest;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.PrivacyWorker;
import ru.rusoragentai.console.privacy.PrivacyTask;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.privacy.Jurisdiction;
import ru.rusoragentai.console.privacy.erasure.ErasureService;
import ru.rusoragentai.console.privacy.erasure.ErasureRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.tokens.TokenLedgerService;

/**
 * Erasure interrupted like a crash would interrupt it (the worker's thread dies between commits, its claim is left
 * behind), then resumed by the cluster worker: it completes once, with nothing done twice. Queued work waits for the
 * worker here, and chunks are ten rows, so a task spans several transactions.
 */
class ErasureCrashIT extends DatabaseTest {

    @DynamicPropertySource
    static void workerOnly(DynamicPropertyRegistry registry) {
        registry.add("console.privacy.run-on", () -> "worker");
        registry.add("console.privacy.erase-chunk", () -> "10");
    }

    /** What a crash does to the running thread: nothing after it runs, no catch block marks the task failed. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("crash " + where);
        }
    }

    @Autowired
    PrivacyRequestService requests;
    @Autowired
    ErasureService erasures;
    @Autowired
    ErasureRunner runner;
    @Autowired
    PrivacyWorker worker;
    @Autowired
    TokenLedgerService ledger;
    @Autowired
    SecretCipher cipher;
    @Autowired
    Clock clock;

    @Test
    void shouldResumeAfterACrashBetweenTasksAndFinishOnce() throws Exception {
        SubjectFixture subject = approvedErasure(35, 4);
        long requestId = lastRequest;

        assertThatThrownBy(() -> runner.run(requestId, (system, chunk) -> {
            if (system.equals(ErasureService.USAGE) && chunk == 0) {
                throw new SimulatedCrash("after the usage task");
            }
        }, clock)).isInstanceOf(SimulatedCrash.class);

        assertThat(status(requestId, ErasureService.USAGE)).isEqualTo(PrivacyTask.TaskStatus.DONE);
        assertThat(status(requestId, ErasureService.SESSIONS)).isEqualTo(PrivacyTask.TaskStatus.PENDING);
        assertThat(dsl.fetchCount(APP_USER, APP_USER.ID.eq(subject.userId()))).isEqualTo(1);
        // the task's result says where its longest transaction was: the figure the lock goal is about
        assertThat(erasures.tasks(requestId)).filteredOn(t -> t.system().equals(ErasureService.USAGE)).singleElement()
                .extracting(PrivacyTask::result).asString()
                .containsPattern("^usage_event [1-9]\\d*; usage_daily \\d+ \\(\\d+ transactions, longest \\d+ ms in usage_(event|daily)\\)$");

        worker.resumeAll(clock);

        assertFinishedOnce(subject, requestId);
        assertThat(erasures.tasks(requestId)).allSatisfy(t -> assertThat(t.attempts()).as(t.system()).isEqualTo(1));
    }

    @Test
    void shouldResumeAfterACrashInsideATaskOnceItsClaimHasRunOut() throws Exception {
        SubjectFixture subject = approvedErasure(35, 26);
        long requestId = lastRequest;

        assertThatThrownBy(() -> runner.run(requestId, (system, chunk) -> {
            if (system.equals(ErasureService.LEDGER) && chunk == 2) {
                throw new SimulatedCrash("inside the ledger task");
            }
        }, clock)).isInstanceOf(SimulatedCrash.class);

        assertThat(status(requestId, ErasureService.LEDGER)).isEqualTo(PrivacyTask.TaskStatus.RUNNING);
        int ledgerLeft = dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID.eq(subject.userId()));
        assertThat(ledgerLeft).as("half-way through the ledger").isBetween(1, 25);
        assertThat(balance(subject.userId())).as("balance still equals the remaining ledger").isEqualTo(ledgerSum(subject.userId()));

        worker.resumeAll(clock);
        assertThat(requests.get(requestId).status()).as("the dead worker's claim still holds").isEqualTo(RequestStatus.AWAITING_APPROVAL);
        assertThat(dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID.eq(subject.userId()))).isEqualTo(ledgerLeft);

        worker.resumeAll(Clock.offset(clock, Duration.ofMinutes(10)));

        assertFinishedOnce(subject, requestId);
        assertThat(erasures.tasks(requestId)).filteredOn(t -> t.system().equals(ErasureService.LEDGER)).singleElement()
                .satisfies(t -> assertThat(t.attempts()).isEqualTo(2));
    }

    @Test
    void shouldResumeAfterACrashInsideTheUsageDeletion() throws Exception {
        SubjectFixture subject = approvedErasure(45, 2);
        long requestId = lastRequest;

        assertThatThrownBy(() -> runner.run(requestId, (system, chunk) -> {
            if (system.equals(ErasureService.USAGE) && chunk == 3) {
                throw new SimulatedCrash("inside the usage task");
            }
        }, clock)).isInstanceOf(SimulatedCrash.class);
        assertThat(dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.USER_ID.eq(subject.userId())))
                .as("days are deleted two at a time; the crash stops both threads half-way").isStrictlyBetween(0, 45);

        worker.resumeAll(Clock.offset(clock, Duration.ofMinutes(10)));

        assertFinishedOnce(subject, requestId);
    }

    private long lastRequest;

    private SubjectFixture approvedErasure(int usageEvents, int ledgerEntries) throws Exception {
        signInAs("admin-seed", Role.ADMIN);
        SubjectFixture subject = SubjectFixture.create(dsl, ledger, cipher, usageEvents, ledgerEntries);
        signInAs("officer-1", Role.PRIVACY_OFFICER);
        PrivacyRequest request = requests.create(new NewPrivacyRequest(Long.toString(subject.userId()), RequestType.DELETION, "email",
                Jurisdiction.GDPR, null, null));
        request = requests.verifyIdentity(request.id(), request.version(), VerificationMethod.TELEGRAM_ACCOUNT, null);
        request = requests.startWork(request.id(), request.version());
        request = erasures.prepare(request.id(), request.version());
        signInAs("officer-2", Role.PRIVACY_OFFICER);
        request = erasures.approve(request.id(), request.version());
        assertThat(request.status()).as("queued for the worker, not run yet").isEqualTo(RequestStatus.AWAITING_APPROVAL);
        assertThat(dsl.select(APP_USER.STATUS).from(APP_USER).where(APP_USER.ID.eq(subject.userId())).fetchSingle().value1())
                .isEqualTo("suspended");
        lastRequest = request.id();
        return subject;
    }

    private void assertFinishedOnce(SubjectFixture subject, long requestId) {
        assertThat(requests.get(requestId).status()).as(erasures.tasks(requestId).toString()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.TARGET_TYPE.eq("privacy_request"),
                AUDIT_EVENT.TARGET_ID.eq(Long.toString(requestId)), AUDIT_EVENT.ACTION.eq("privacy.erasure_completed"))).isEqualTo(1);
        assertThat(erasures.residualScan(requestId).orElseThrow().clean()).isTrue();
        assertThat(dsl.fetchCount(APP_USER, APP_USER.ID.eq(subject.userId()))).isZero();
        var payment = dsl.selectFrom(PAYMENT).where(PAYMENT.EXTERNAL_ID.eq(subject.user().paymentId())).fetchSingle();
        assertThat(payment.getUserId()).isNull();
        assertThat(payment.getAmountMinor()).isEqualTo(49_900L);
        assertThat(payment.getSubjectPseudonym()).startsWith("erased-");
        signInAs("admin", Role.ADMIN);
        assertThat(ledger.findDiscrepancies()).isEmpty();
    }

    private PrivacyTask.TaskStatus status(long requestId, String system) {
        return erasures.tasks(requestId).stream().filter(t -> t.system().equals(system)).findFirst().orElseThrow().status();
    }

    private long balance(long userId) {
        return dsl.select(TOKEN_BALANCE.BALANCE).from(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.eq(userId)).fetchSingle().value1();
    }

    private long ledgerSum(long userId) {
        return dsl.select(org.jooq.impl.DSL.sum(TOKEN_LEDGER.DELTA)).from(TOKEN_LEDGER).where(TOKEN_LEDGER.USER_ID.eq(userId))
                .fetchSingle().value1().longValue();
    }
}

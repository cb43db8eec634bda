package ru.rusoragentai.console.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST;
import static ru.rusoragentai.db.Tables.ABUSE_FLAG;
import static ru.rusoragentai.db.Tables.ABUSE_RULE;
import static ru.rusoragentai.db.Tables.ABUSE_SCORE;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.payments.PaymentReversed;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.support.TestDetectors;
import ru.rusoragentai.console.tokens.TokenLedgerService;

/** Incremental runs, decisions, scores, measures and their four eyes, as the services do them on real MariaDB. */
class AbuseFlowIT extends DatabaseTest {

    @Autowired
    AbuseRuleService rules;
    @Autowired
    AbuseQueueService queue;
    @Autowired
    AbuseActionService actions;
    @Autowired
    AbuseCaseService cases;
    @Autowired
    AbuseScoreService scores;
    @Autowired
    TokenLedgerService ledger;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    private AbuseFixture data;

    @BeforeEach
    void setUp() {
        data = new AbuseFixture(dsl);
        signInAs("operator_flow", Role.OPERATOR);
    }

    @Test
    void shouldReadOnlyNewRowsUpdateOpenFlagsAndNeverReopenADecidedOne() {
        String ip = AbuseFixture.network() + "9";
        List<Long> ring = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ring.add(TestData.insertUser(dsl, "ring " + i));
            data.session(ring.getLast(), TestClock.now().minusMinutes(30), ip, "DE", null);
        }
        rules.runNow("multi_account");
        long watermark = dsl.select(ABUSE_RULE.WATERMARK).from(ABUSE_RULE).where(ABUSE_RULE.CODE.eq("multi_account")).fetchSingle().value1();
        assertThat(watermark).isPositive();
        ring.forEach(u -> assertThat(data.flags("multi_account", u)).hasSize(1));
        long dismissedFlag = flagId("multi_account", ring.getFirst());
        queue.decide(dismissedFlag, queue.flag(dismissedFlag).version(), false, "same office");

        long fifth = TestData.insertUser(dsl, "ring 4");
        data.session(fifth, TestClock.now().minusMinutes(5), ip, "DE", null);
        var second = rules.runNow("multi_account").getFirst();

        assertThat(second.error()).isNull();
        assertThat(data.flags("multi_account", fifth)).hasSize(1);
        assertThat(queue.flag(dismissedFlag).status()).isEqualTo(FlagStatus.DISMISSED);
        assertThat(queue.flag(dismissedFlag).evidence().get("accounts")).as("a decided flag keeps its evidence").isEqualTo(4);
        assertThat(queue.flag(flagId("multi_account", ring.get(1))).evidence().get("accounts")).isEqualTo(5);
        assertThat(dsl.select(ABUSE_RULE.WATERMARK).from(ABUSE_RULE).where(ABUSE_RULE.CODE.eq("multi_account")).fetchSingle().value1())
                .isGreaterThan(watermark);
        assertThat(rules.runNow("multi_account").getFirst().raised()).as("nothing new, nothing raised").isZero();
    }

    @Test
    void shouldRecordAFailingRuleWithItsErrorAndStillRunTheOthers() {
        dsl.insertInto(ABUSE_RULE).set(ABUSE_RULE.CODE, TestDetectors.CODE).set(ABUSE_RULE.NAME, "fails").set(ABUSE_RULE.THRESHOLD, 1L)
                .set(ABUSE_RULE.WINDOW_MINUTES, 60).set(ABUSE_RULE.UPDATED_AT, TestClock.now()).execute();
        try {
            long minor = TestData.insertUser(dsl, "minor in a failing run");
            dsl.update(APP_USER).set(APP_USER.POSSIBLE_MINOR, true).where(APP_USER.ID.eq(minor)).execute();

            var runs = rules.runNow(null);

            assertThat(runs).filteredOn(r -> r.rule().equals(TestDetectors.CODE)).singleElement()
                    .satisfies(r -> assertThat(r.error()).contains("fails on purpose"));
            assertThat(runs).filteredOn(r -> !r.rule().equals(TestDetectors.CODE)).allSatisfy(r -> assertThat(r.error()).isNull());
            assertThat(dsl.select(ABUSE_RULE.LAST_ERROR).from(ABUSE_RULE).where(ABUSE_RULE.CODE.eq(TestDetectors.CODE)).fetchSingle().value1())
                    .contains("fails on purpose");
            assertThat(data.flags("possible_minor", minor)).containsExactly("minor");
        } finally {
            dsl.deleteFrom(ABUSE_RULE).where(ABUSE_RULE.CODE.eq(TestDetectors.CODE)).execute();
        }
    }

    @Test
    void shouldRunTheRefundRuleAsSoonAsTheIntakeAppliesAReversal() throws Exception {
        long user = TestData.insertUser(dsl, "serial refunder");
        for (int i = 0; i < 3; i++) {
            data.ledger(user, -500, "refund", "trb-refund-" + user + "-" + i, TestClock.now().minusDays(i));
        }
        tx.executeWithoutResult(s -> events.publishEvent(new PaymentReversed(user, false, "trb-refund-" + user + "-0")));

        long deadline = System.currentTimeMillis() + 15_000;
        while (data.flags("refunds", user).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(data.flags("refunds", user)).hasSize(1);
    }

    @Test
    void shouldScoreOpenFlagsByWeightAndDropDismissedOnes() {
        long user = TestData.insertUser(dsl, "scored");
        dsl.update(APP_USER).set(APP_USER.POSSIBLE_MINOR, true).where(APP_USER.ID.eq(user)).execute();
        rules.runNow("possible_minor");
        int weight = dsl.select(ABUSE_RULE.WEIGHT).from(ABUSE_RULE).where(ABUSE_RULE.CODE.eq("possible_minor")).fetchSingle().value1();

        assertThat(scores.score(user).score()).isEqualTo(weight);
        assertThat(scores.score(user).breakdown()).containsEntry("possible_minor", (long) weight);
        long flag = flagId("possible_minor", user);
        assertThat(queue.find(new FlagFilter("possible_minor", null, null, weight, null, null, user, null), QueueSort.NEWEST, 0, 10))
                .extracting(FlagSummary::id).containsExactly(flag);

        queue.decide(flag, queue.flag(flag).version(), false, "birth year checked");
        assertThat(scores.score(user).score()).isZero();
        assertThat(dsl.fetchCount(ABUSE_SCORE, ABUSE_SCORE.USER_ID.eq(user))).isZero();
    }

    @Test
    void shouldDecideAFlagOnceWhenTwoStaffMembersDecideTheSameVersion() {
        long user = TestData.insertUser(dsl, "decided twice");
        dsl.update(APP_USER).set(APP_USER.POSSIBLE_MINOR, true).where(APP_USER.ID.eq(user)).execute();
        rules.runNow("possible_minor");
        long flag = flagId("possible_minor", user);
        int version = queue.flag(flag).version();

        queue.decide(flag, version, true, "first");
        assertThatThrownBy(() -> queue.decide(flag, version, false, "second")).isInstanceOf(AbuseException.class)
                .extracting(e -> ((AbuseException) e).messageKey()).isEqualTo("abuse.error.decided");
        assertThatThrownBy(() -> queue.decide(flag, queue.flag(flag).version(), false, " ")).isInstanceOf(AbuseException.class);
        assertThat(queue.flag(flag).status()).isEqualTo(FlagStatus.CONFIRMED);
        assertThat(audit("abuse.flag_confirmed", user)).isEqualTo(1);
    }

    @Test
    void shouldApplyAMeasureOnceForADoubleClickAndRefuseASecondOneInForce() throws Exception {
        long user = TestData.insertUser(dsl, "double click");
        var first = actions.act(user, ActionKind.SUSPEND, null, null, "bot traffic", null, "key-" + user);
        var again = actions.act(user, ActionKind.SUSPEND, null, null, "bot traffic", null, "key-" + user);
        assertThat(again.id()).isEqualTo(first.id());

        long other = TestData.insertUser(dsl, "two staff at once");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String key = "staff-" + i + "-" + other;
            Callable<Boolean> attempt = () -> {
                signInAs("operator_" + key, Role.OPERATOR);
                go.await();
                try {
                    actions.act(other, ActionKind.SUSPEND, null, null, "at once", null, key);
                    return true;
                } catch (AbuseException refused) {
                    return false;
                }
            };
            results.add(pool.submit(attempt));
        }
        go.countDown();
        long applied = 0;
        for (Future<Boolean> r : results) {
            applied += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(applied).isEqualTo(1);
        assertThat(actions.ofUser(other)).hasSize(1);
        assertThat(status(other)).isEqualTo("suspended");
        assertThat(audit("abuse.action_taken", other)).isEqualTo(1);
    }

    @Test
    void shouldFreezeOnlyFreeTokensAndGiveThemBackOnRevert() {
        long user = TestData.insertUser(dsl, "freezer");
        data.ledger(user, 3_000, "bonus", "signup", TestClock.now().minusDays(2));
        data.ledger(user, 100_000, "purchase", "trb-f-" + user, TestClock.now().minusDays(1));

        var frozen = actions.act(user, ActionKind.FREEZE, null, null, "farming", null, "freeze-" + user);

        assertThat(frozen.amount()).isEqualTo(3_000);
        assertThat(balance(user)).isEqualTo(100_000);
        actions.revert(frozen.id(), "false alarm");
        assertThat(balance(user)).isEqualTo(103_000);
        assertThatThrownBy(() -> actions.revert(frozen.id(), "again")).isInstanceOf(AbuseException.class);
        signInAs("admin_flow", Role.ADMIN);
        assertThat(ledger.findDiscrepancies()).isEmpty();
    }

    @Test
    void shouldCapAndBanWithABlocklistAndUndoBoth() {
        long user = TestData.insertUser(dsl, "banned");
        data.session(user, TestClock.now().minusDays(1), AbuseFixture.network() + "3", "RU", "Moscow");

        var cap = actions.act(user, ActionKind.CAP, 5_000L, null, "slow down", null, "cap-" + user);
        assertThat(dsl.select(APP_USER.DAILY_TOKEN_CAP).from(APP_USER).where(APP_USER.ID.eq(user)).fetchSingle().value1()).isEqualTo(5_000);
        var ban = actions.act(user, ActionKind.BAN, null, TestClock.now().plusDays(30), "ring leader", null, "ban-" + user);

        assertThat(status(user)).isEqualTo("suspended");
        assertThat(dsl.select(ABUSE_BLOCKLIST.KIND).from(ABUSE_BLOCKLIST).where(ABUSE_BLOCKLIST.ACTION_ID.eq(ban.id())).fetch(ABUSE_BLOCKLIST.KIND))
                .containsExactlyInAnyOrder("telegram", "network", "device");
        assertThat(dsl.fetchCount(ABUSE_BLOCKLIST, ABUSE_BLOCKLIST.ACTION_ID.eq(ban.id()).and(ABUSE_BLOCKLIST.VALUE_HASH.isNull()))).isZero();

        actions.revert(ban.id(), "appeal granted");
        actions.revert(cap.id(), "appeal granted");
        assertThat(status(user)).isEqualTo("active");
        assertThat(dsl.fetchCount(ABUSE_BLOCKLIST, ABUSE_BLOCKLIST.ACTION_ID.eq(ban.id()).and(ABUSE_BLOCKLIST.REMOVED_AT.isNull()))).isZero();
        assertThat(dsl.select(APP_USER.DAILY_TOKEN_CAP).from(APP_USER).where(APP_USER.ID.eq(user)).fetchSingle().value1()).isNull();
        assertThat(audit("abuse.action_reverted", user)).isEqualTo(2);
    }

    @Test
    void shouldApplyACaseMeasureOnlyAfterAnotherAdministratorApproves() {
        String ip = AbuseFixture.network() + "5";
        List<Long> ring = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ring.add(TestData.insertUser(dsl, "case ring " + i));
            data.session(ring.getLast(), TestClock.now().minusMinutes(20), ip, "DE", null);
        }
        rules.runNow("multi_account");
        long caseId = queue.flag(flagId("multi_account", ring.getFirst())).caseId();
        assertThat(cases.find(caseId).users()).isEqualTo(4);

        signInAs("admin_one", Role.ADMIN);
        var pending = actions.requestForCase(caseId, ActionKind.SUSPEND, null, null, "one ring", "case-" + caseId);
        assertThat(pending.status()).isEqualTo("pending");
        ring.forEach(u -> assertThat(status(u)).isEqualTo("active"));
        assertThatThrownBy(() -> actions.approveForCase(pending.id())).isInstanceOf(AbuseException.class);
        signInAs("operator_flow", Role.OPERATOR);
        assertThatThrownBy(() -> actions.approveForCase(pending.id()))
                .isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);

        signInAs("admin_two", Role.ADMIN);
        assertThat(actions.approveForCase(pending.id())).isEqualTo(4);
        ring.forEach(u -> assertThat(status(u)).isEqualTo("suspended"));
        assertThatThrownBy(() -> actions.approveForCase(pending.id())).isInstanceOf(AbuseException.class);

        var closed = cases.close(caseId, cases.find(caseId).version(), AbuseCaseService.Outcome.CONFIRMED, "ring confirmed");
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.openFlags()).isZero();
    }

    @Autowired
    AbuseRetention retention;

    @Test
    void shouldDeleteFlagsDecidedLongerAgoThanTheRetentionPeriodAndKeepOpenOnes() {
        long user = TestData.insertUser(dsl, "old flags");
        var old = TestClock.now().minusDays(400);
        for (String status : List.of("dismissed", "new")) {
            dsl.insertInto(ABUSE_FLAG).set(ABUSE_FLAG.USER_ID, user).set(ABUSE_FLAG.RULE_CODE, "usage_spike")
                    .set(ABUSE_FLAG.SUBJECT_KEY, "u:" + user).set(ABUSE_FLAG.EPISODE, "old:" + status).set(ABUSE_FLAG.EVIDENCE, "{}")
                    .set(ABUSE_FLAG.STATUS, status).set(ABUSE_FLAG.CREATED_AT, old)
                    .set(ABUSE_FLAG.RESOLVED_AT, "new".equals(status) ? null : old).execute();
        }

        var purged = retention.purge(TestClock.now());
        assertThat(ru.rusoragentai.console.i18n.Texts.english(purged.key(), purged.arguments())).contains("abuse flags deleted:");

        assertThat(data.flags("usage_spike", user)).containsExactly("old:new");
    }

    @Test
    void shouldRefuseAnalystsEverythingAndLetSupportOnlyRead() {
        signInAs("analyst", Role.ANALYST);
        assertThatThrownBy(() -> queue.count(FlagFilter.open())).isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
        assertThatThrownBy(() -> rules.rules()).isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
        assertThatThrownBy(() -> scores.score(1)).isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
        signInAs("support", Role.SUPPORT);
        assertThat(queue.count(FlagFilter.open())).isNotNegative();
        assertThatThrownBy(() -> queue.assignToMe(List.of(1L))).isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
        assertThatThrownBy(() -> actions.act(1, ActionKind.WATCH, null, null, "x", null, "k"))
                .isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
        assertThatThrownBy(() -> rules.runNow(null)).isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
    }

    private long flagId(String rule, long user) {
        return dsl.select(ABUSE_FLAG.ID).from(ABUSE_FLAG).where(ABUSE_FLAG.RULE_CODE.eq(rule).and(ABUSE_FLAG.SUBJECT_KEY.eq("u:" + user)))
                .fetchSingle().value1();
    }

    private String status(long user) {
        return dsl.select(APP_USER.STATUS).from(APP_USER).where(APP_USER.ID.eq(user)).fetchSingle().value1();
    }

    private long balance(long user) {
        return dsl.select(TOKEN_BALANCE.BALANCE).from(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.eq(user)).fetchSingle().value1();
    }

    private int audit(String action, long user) {
        return dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(action).and(AUDIT_EVENT.TARGET_ID.eq(Long.toString(user))));
    }
}

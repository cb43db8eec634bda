package ru.rusoragentai.console.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestData;

class AdjustmentServiceIT extends DatabaseTest {

    @Autowired
    AdjustmentService adjustments;

    @AfterEach
    void after() {
        signOut();
    }

    @Test
    void shouldApplyASmallAdjustmentAtOnceRecordingTheStaffMember() {
        long user = TestData.insertUser(dsl, "Adjust Small");
        signInAs("agent-a", Role.SUPPORT);
        Adjustment done = adjustments.request(user, 500, ReasonCode.GOODWILL, "sorry for the outage", "T-1", false);
        assertThat(done.status()).isEqualTo(Adjustment.Status.APPLIED);
        var row = dsl.selectFrom(TOKEN_LEDGER).where(TOKEN_LEDGER.ID.eq(done.ledgerEntryId())).fetchSingle();
        assertThat(row.getActor()).isEqualTo("agent-a");
        assertThat(row.getDelta()).isEqualTo(500);
        assertThat(row.getReason()).contains("goodwill", "sorry for the outage", "T-1");
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("tokens.adjusted").and(AUDIT_EVENT.TARGET_ID.eq(Long.toString(user))))).isEqualTo(1);
    }

    @Test
    void shouldHoldALargeAdjustmentForASecondAdminAndRefuseSelfApproval() {
        long user = TestData.insertUser(dsl, "Adjust Large");
        signInAs("admin-one", Role.ADMIN);
        Adjustment pending = adjustments.request(user, 50_000, ReasonCode.COMPENSATION, "lost tokens", null, false);
        assertThat(pending.status()).isEqualTo(Adjustment.Status.PENDING);
        assertThat(balance(user)).isZero();

        assertThatThrownBy(() -> adjustments.approve(pending.id(), null))
                .isInstanceOf(AdjustmentException.class).hasMessage("adjust.error.self-approval");
        assertThat(balance(user)).isZero();

        signInAs("admin-two", Role.ADMIN);
        Adjustment approved = adjustments.approve(pending.id(), "checked the logs");
        assertThat(approved.status()).isEqualTo(Adjustment.Status.APPLIED);
        assertThat(approved.decidedBy()).isEqualTo("admin-two");
        assertThat(balance(user)).isEqualTo(50_000);
        assertThatThrownBy(() -> adjustments.approve(pending.id(), null))
                .isInstanceOf(AdjustmentException.class).hasMessage("adjust.error.already-decided");
        assertThat(balance(user)).isEqualTo(50_000);
    }

    @Test
    void shouldKeepARejectionWithItsReason() {
        long user = TestData.insertUser(dsl, "Adjust Rejected");
        signInAs("agent-b", Role.SUPPORT);
        Adjustment pending = adjustments.request(user, 20_000, ReasonCode.COMPENSATION, "claims a lost pack", null, false);
        signInAs("admin-three", Role.ADMIN);
        assertThatThrownBy(() -> adjustments.reject(pending.id(), " ")).hasMessage("adjust.error.rejection-note");
        Adjustment rejected = adjustments.reject(pending.id(), "not enough evidence");
        assertThat(rejected.status()).isEqualTo(Adjustment.Status.REJECTED);
        assertThat(rejected.decisionNote()).isEqualTo("not enough evidence");
        assertThat(adjustments.forUser(user)).extracting(Adjustment::status).containsExactly(Adjustment.Status.REJECTED);
        assertThat(balance(user)).isZero();
    }

    @Test
    void shouldRefuseALargeDebitTheBalanceCannotCoverWhenItIsRequested() {
        long user = TestData.insertUser(dsl, "Adjust Overdraft");
        signInAs("agent-e", Role.SUPPORT);
        adjustments.request(user, 9_369, ReasonCode.CORRECTION, "seed", null, false);
        assertThatThrownBy(() -> adjustments.request(user, -99_999_999, ReasonCode.FRAUD_REVERSAL, "fraud", null, false))
                .isInstanceOf(InsufficientBalanceException.class);
        assertThat(adjustments.forUser(user)).extracting(Adjustment::status).containsExactly(Adjustment.Status.APPLIED);
        assertThat(balance(user)).isEqualTo(9_369);
    }

    @Test
    void shouldRefuseADebitBelowZeroUnlessAnAdminAllowsIt() {
        long user = TestData.insertUser(dsl, "Adjust Negative");
        signInAs("agent-c", Role.SUPPORT);
        adjustments.request(user, 100, ReasonCode.CORRECTION, "seed", null, false);
        assertThatThrownBy(() -> adjustments.request(user, -200, ReasonCode.CORRECTION, "too much", null, false))
                .isInstanceOf(InsufficientBalanceException.class);
        assertThatThrownBy(() -> adjustments.request(user, -200, ReasonCode.CORRECTION, "too much", null, true))
                .isInstanceOf(AdjustmentException.class).hasMessage("adjust.error.negative-needs-admin");
        assertThat(balance(user)).isEqualTo(100);
        assertThat(adjustments.forUser(user)).hasSize(1);
        signInAs("admin-four", Role.ADMIN);
        adjustments.request(user, -200, ReasonCode.CORRECTION, "chargeback after use", null, true);
        assertThat(balance(user)).isEqualTo(-100);
    }

    @Test
    void shouldLoseOrDoubleNoAdjustmentUnderSixteenConcurrentWriters() throws Exception {
        List<Long> users = List.of(TestData.insertUser(dsl, "Conc A"), TestData.insertUser(dsl, "Conc B"), TestData.insertUser(dsl, "Conc C"));
        signInAs("seeder", Role.SUPPORT);
        for (long user : users) {
            adjustments.request(user, 10_000, ReasonCode.GOODWILL, "seed", null, false);
        }
        int threads = 16;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                signInAs("agent-" + thread, Role.SUPPORT);
                start.await();
                for (int i = 0; i < perThread; i++) {
                    adjustments.request(users.get((thread + i) % users.size()), i % 5 == 4 ? -1 : 3, ReasonCode.GOODWILL, "load", null, false);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long expectedTotal = 3 * 10_000L + (long) threads * (perThread / 5) * (4 * 3 - 1);
        long total = 0;
        for (long user : users) {
            long sum = dsl.select(DSL.sum(TOKEN_LEDGER.DELTA)).from(TOKEN_LEDGER).where(TOKEN_LEDGER.USER_ID.eq(user)).fetchSingle().value1().longValue();
            assertThat(balance(user)).isEqualTo(sum);
            total += sum;
        }
        assertThat(total).isEqualTo(expectedTotal);
        assertThat(dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID.in(users))).isEqualTo(3 + threads * perThread);
        var adjustmentRows = ru.rusoragentai.db.Tables.TOKEN_ADJUSTMENT;
        assertThat(dsl.fetchCount(adjustmentRows, adjustmentRows.USER_ID.in(users), adjustmentRows.STATUS.eq("applied"),
                adjustmentRows.LEDGER_ENTRY_ID.isNotNull())).isEqualTo(3 + threads * perThread);
        var audit = ru.rusoragentai.db.Tables.AUDIT_EVENT;
        assertThat(dsl.fetchCount(audit, audit.ACTION.eq("tokens.adjusted"),
                audit.TARGET_ID.in(users.stream().map(String::valueOf).toList()))).isEqualTo(3 + threads * perThread);
        signInAs("auditor", Role.ADMIN);
        assertThat(auditService.verifyChain().intact()).isTrue();
    }

    @Test
    void shouldFailAnOverdraftAloneWhenItIsAppliedTogetherWithOthers() throws Exception {
        long empty = TestData.insertUser(dsl, "Empty Wallet");
        long busy = TestData.insertUser(dsl, "Busy Wallet");
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> refusals = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            refusals.add(pool.submit(() -> {
                signInAs("agent-o" + thread, Role.SUPPORT);
                start.await();
                int refused = 0;
                for (int i = 0; i < 20; i++) {
                    adjustments.request(busy, 2, ReasonCode.GOODWILL, "together", null, false);
                    if (i == 10) {
                        try {
                            adjustments.request(empty, -1_000, ReasonCode.CORRECTION, "overdraft", null, false);
                        } catch (InsufficientBalanceException expected) {
                            refused++;
                        }
                    }
                }
                return refused;
            }));
        }
        start.countDown();
        int refused = 0;
        for (Future<Integer> f : refusals) {
            refused += f.get();
        }
        pool.shutdown();
        assertThat(refused).isEqualTo(threads);
        assertThat(balance(busy)).isEqualTo(threads * 20 * 2L);
        assertThat(balance(empty)).isZero();
        assertThat(dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID.eq(empty))).isZero();
    }

    @Autowired
    ru.rusoragentai.console.audit.AuditService auditService;

    private long balance(long user) {
        return dsl.select(DSL.coalesce(ru.rusoragentai.db.Tables.TOKEN_BALANCE.BALANCE, 0L)).from(ru.rusoragentai.db.Tables.TOKEN_BALANCE)
                .where(ru.rusoragentai.db.Tables.TOKEN_BALANCE.USER_ID.eq(user)).fetchOptional(r -> r.value1()).orElse(0L);
    }
}

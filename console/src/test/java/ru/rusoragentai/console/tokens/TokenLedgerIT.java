package ru.rusoragentai.console.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;
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

class TokenLedgerIT extends DatabaseTest {

    @Autowired
    TokenLedgerService ledger;

    @AfterEach
    void signOutAfter() {
        signOut();
    }

    @Test
    void shouldAppendARowAndUpdateTheBalanceTogether() {
        long user = TestData.insertUser(dsl, "Ledger One");
        LedgerEntry credit = ledger.apply(request(user, 500, TestData.unique("k"), false));
        LedgerEntry debit = ledger.apply(request(user, -200, TestData.unique("k"), false));
        assertThat(credit.balanceAfter()).isEqualTo(500);
        assertThat(debit.balanceAfter()).isEqualTo(300);
        assertThat(storedBalance(user)).isEqualTo(300);
        assertThat(ledgerSum(user)).isEqualTo(300);
    }

    @Test
    void shouldApplyARepeatedIdempotencyKeyOnceAndReturnTheFirstEntry() {
        long user = TestData.insertUser(dsl, "Ledger Two");
        String key = TestData.unique("payment-");
        LedgerEntry first = ledger.apply(request(user, 1_000, key, false));
        LedgerEntry again = ledger.apply(request(user, 1_000, key, false));
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(storedBalance(user)).isEqualTo(1_000);
        assertThat(dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID.eq(user))).isEqualTo(1);
    }

    @Test
    void shouldReturnTheFirstEntryForARepeatedDebitEvenWhenTheBalanceNoLongerCoversIt() {
        long user = TestData.insertUser(dsl, "Ledger Replay");
        ledger.apply(request(user, 300, TestData.unique("k"), false));
        String key = TestData.unique("debit-");
        LedgerEntry first = ledger.apply(request(user, -300, key, false));

        LedgerEntry again = ledger.apply(request(user, -300, key, false));

        assertThat(again.replayed()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(storedBalance(user)).isZero();
        assertThat(dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID.eq(user))).isEqualTo(2);
    }

    @Test
    void shouldRefuseToGoBelowZeroUnlessAllowedAndWriteNothingWhenRefused() {
        long user = TestData.insertUser(dsl, "Ledger Three");
        ledger.apply(request(user, 100, TestData.unique("k"), false));
        assertThatThrownBy(() -> ledger.apply(request(user, -101, TestData.unique("k"), false)))
                .isInstanceOf(InsufficientBalanceException.class);
        assertThat(storedBalance(user)).isEqualTo(100);
        assertThat(dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID.eq(user))).isEqualTo(1);

        LedgerEntry allowed = ledger.apply(request(user, -150, TestData.unique("k"), true));
        assertThat(allowed.balanceAfter()).isEqualTo(-50);
        assertThat(storedBalance(user)).isEqualTo(-50);
    }

    @Test
    void shouldStayConsistentUnderEightConcurrentWritersToOneUser() throws Exception {
        long user = TestData.insertUser(dsl, "Ledger Concurrent");
        ledger.apply(request(user, 10_000, TestData.unique("seed"), false));
        int writers = 8;
        int perWriter = 100;
        String sharedKey = TestData.unique("shared-");
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            results.add(pool.submit(() -> {
                start.await();
                int applied = 0;
                for (int i = 0; i < perWriter; i++) {
                    long delta = i % 2 == 0 ? 7 : -3;
                    if (!ledger.apply(request(user, delta, "c-" + user + "-" + writer + "-" + i, false)).replayed()) {
                        applied++;
                    }
                }
                // every writer also tries the same key: exactly one of them may apply it
                if (!ledger.apply(request(user, 1_000, sharedKey, false)).replayed()) {
                    applied++;
                }
                return applied;
            }));
        }
        start.countDown();
        int applied = 0;
        for (Future<Integer> result : results) {
            applied += result.get();
        }
        pool.shutdown();

        long expected = 10_000 + writers * (perWriter / 2) * (7 - 3) + 1_000;
        assertThat(applied).isEqualTo(writers * perWriter + 1);
        assertThat(storedBalance(user)).isEqualTo(expected);
        assertThat(ledgerSum(user)).isEqualTo(expected);
        assertThat(dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.IDEMPOTENCY_KEY.eq(sharedKey))).isEqualTo(1);
        // balance_after forms an unbroken running sum in ledger order
        List<Long> afters = dsl.select(TOKEN_LEDGER.BALANCE_AFTER).from(TOKEN_LEDGER).where(TOKEN_LEDGER.USER_ID.eq(user))
                .orderBy(TOKEN_LEDGER.ID.desc()).limit(1).fetch(r -> r.value1());
        assertThat(afters).containsExactly(expected);
    }

    @Test
    void shouldReportAUserWhoseBalanceDiffersFromTheLedger() {
        long user = TestData.insertUser(dsl, "Ledger Broken");
        ledger.apply(request(user, 300, TestData.unique("k"), false));
        signInAs("admin-test", Role.ADMIN);
        assertThat(ledger.findDiscrepancies()).noneMatch(d -> d.userId() == user);
        dsl.update(TOKEN_BALANCE).set(TOKEN_BALANCE.BALANCE, 999L).where(TOKEN_BALANCE.USER_ID.eq(user)).execute();
        try {
            assertThat(ledger.findDiscrepancies()).contains(new BalanceDiscrepancy(user, 999, 300));
        } finally {
            dsl.update(TOKEN_BALANCE).set(TOKEN_BALANCE.BALANCE, 300L).where(TOKEN_BALANCE.USER_ID.eq(user)).execute();
        }
    }

    @Autowired
    LedgerCheckJob nightlyCheck;

    @Test
    void shouldAuditTheNightlyCheckWithItsOutcome() {
        int before = dsl.fetchCount(ru.rusoragentai.db.Tables.AUDIT_EVENT, ru.rusoragentai.db.Tables.AUDIT_EVENT.ACTION.eq("tokens.ledger_check"));
        nightlyCheck.checkAllBalances();
        var last = dsl.selectFrom(ru.rusoragentai.db.Tables.AUDIT_EVENT).where(ru.rusoragentai.db.Tables.AUDIT_EVENT.ACTION.eq("tokens.ledger_check"))
                .orderBy(ru.rusoragentai.db.Tables.AUDIT_EVENT.ID.desc()).limit(1).fetchSingle();
        assertThat(dsl.fetchCount(ru.rusoragentai.db.Tables.AUDIT_EVENT, ru.rusoragentai.db.Tables.AUDIT_EVENT.ACTION.eq("tokens.ledger_check"))).isEqualTo(before + 1);
        assertThat(last.getActor()).isEqualTo("system");
        assertThat(last.getDetails()).isEqualTo("ok");
    }

    private static LedgerRequest request(long user, long delta, String key, boolean allowNegative) {
        return new LedgerRequest(user, delta, LedgerKind.ADJUSTMENT, "test", "test change", key, allowNegative);
    }

    private long storedBalance(long user) {
        return dsl.select(TOKEN_BALANCE.BALANCE).from(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.eq(user)).fetchSingle().value1();
    }

    private long ledgerSum(long user) {
        return dsl.select(DSL.sum(TOKEN_LEDGER.DELTA)).from(TOKEN_LEDGER).where(TOKEN_LEDGER.USER_ID.eq(user)).fetchSingle().value1().longValue();
    }
}

package ru.rusoragentai.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.db.tables.records.AuditEventRecord;

class AuditChainIT extends DatabaseTest {

    @Autowired
    AuditService audit;
    @Autowired
    TransactionTemplate transactions;

    private long first;
    private long middle;
    private long last;

    @BeforeEach
    void appendThreeEvents() {
        signInAs("auditor", Role.ADMIN);
        // one target, so one chain: the three events follow each other in it
        String target = ru.rusoragentai.console.support.TestData.unique("chain-");
        first = transactions.execute(s -> audit.record("test.first", "test", target, "alpha"));
        middle = transactions.execute(s -> audit.record("test.middle", "test", target, "beta"));
        last = transactions.execute(s -> audit.record("test.last", "test", target, "gamma"));
    }

    @AfterEach
    void signOutAfter() {
        signOut();
    }

    @Test
    void shouldReportAnIntactChain() {
        ChainVerification result = audit.verifyChain();
        assertThat(result.intact()).isTrue();
        assertThat(result.checkedEvents()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldRecordTheSignedInActorAndLinkEachEventToThePreviousOne() {
        AuditEventRecord second = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(middle)).fetchSingle();
        AuditEventRecord previous = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(first)).fetchSingle();
        assertThat(second.getActor()).isEqualTo("auditor");
        assertThat(second.getPrevHash()).isEqualTo(previous.getHash());
    }

    @Test
    void shouldFindAModifiedRow() {
        AuditEventRecord original = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(middle)).fetchSingle();
        dsl.update(AUDIT_EVENT).set(AUDIT_EVENT.DETAILS, "tampered").where(AUDIT_EVENT.ID.eq(middle)).execute();
        try {
            ChainVerification result = audit.verifyChain();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadId()).isEqualTo(middle);
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.MODIFIED);
        } finally {
            dsl.update(AUDIT_EVENT).set(AUDIT_EVENT.DETAILS, original.getDetails()).where(AUDIT_EVENT.ID.eq(middle)).execute();
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void shouldFindADeletedRow() {
        AuditEventRecord original = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(middle)).fetchSingle();
        dsl.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(middle)).execute();
        try {
            ChainVerification result = audit.verifyChain();
            assertThat(result.firstBadId()).isEqualTo(last);
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.INSERTED_OR_DELETED);
        } finally {
            restore(original);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void shouldFindAnInsertedRowWhoseHashWasForged() {
        AuditEventRecord original = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(last)).fetchSingle();
        // shift the last event and slip a forged one in before it
        dsl.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(last)).execute();
        AuditEventRecord forged = original.copy();
        forged.changed(true);
        forged.setId(last);
        forged.setAction("test.forged");
        forged.setHash("f".repeat(64));
        dsl.insertInto(AUDIT_EVENT).set(forged).execute();
        try {
            ChainVerification result = audit.verifyChain();
            assertThat(result.firstBadId()).isEqualTo(last);
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.MODIFIED);
        } finally {
            dsl.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(last)).execute();
            restore(original);
        }
    }

    @Test
    void shouldFindADeletedTail() {
        AuditEventRecord original = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(last)).fetchSingle();
        dsl.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(last)).execute();
        try {
            ChainVerification result = audit.verifyChain();
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.TAIL_DELETED);
            assertThat(result.firstBadId()).isEqualTo(last);
        } finally {
            restore(original);
        }
    }

    private void restore(AuditEventRecord row) {
        row.changed(true);
        dsl.insertInto(AUDIT_EVENT).set(row).execute();
    }

    @Test
    void shouldKeepOneTargetsEventsInOneChainAndSpreadTargetsOverSeveral() {
        var chains = dsl.select(AUDIT_EVENT.CHAIN_NO, AUDIT_EVENT.SEQ).from(AUDIT_EVENT).where(AUDIT_EVENT.ID.in(first, middle, last))
                .orderBy(AUDIT_EVENT.ID).fetch();
        assertThat(chains).extracting(r -> r.value1()).containsOnly(chains.getFirst().value1());
        assertThat(chains.get(1).value2()).isEqualTo(chains.get(0).value2() + 1);
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            used.add(AuditService.chainFor("a", "user", Integer.toString(i)));
        }
        assertThat(used).hasSize(AuditService.CHAINS);
    }

    @Test
    void shouldRefuseToRecordOutsideTheCallersTransaction() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> audit.record("test.orphan", "test", "x", null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void shouldDisappearWithTheActionWhenTheActionRollsBack() {
        int before = dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("test.rolled_back"));
        transactions.executeWithoutResult(status -> {
            audit.record("test.rolled_back", "test", "x", null);
            status.setRollbackOnly();
        });
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("test.rolled_back"))).isEqualTo(before);
        assertThat(audit.verifyChain().intact()).isTrue();
    }
}

package ru.rusoragentai.console.tokens;

import org.jspecify.annotations.Nullable;
import static ru.rusoragentai.db.Tables.BULK_ADJUSTMENT_BATCH;
import static ru.rusoragentai.db.Tables.TOKEN_ADJUSTMENT;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class AdjustmentRepository {

    private final DSLContext dsl;

    AdjustmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(long userId, long delta, ReasonCode reason, String comment, String ticket, boolean allowNegative,
                String requestedBy, LocalDateTime now) {
        return dsl.insertInto(TOKEN_ADJUSTMENT)
                .set(TOKEN_ADJUSTMENT.USER_ID, userId)
                .set(TOKEN_ADJUSTMENT.DELTA, delta)
                .set(TOKEN_ADJUSTMENT.REASON_CODE, reason.dbValue())
                .set(TOKEN_ADJUSTMENT.COMMENT, comment)
                .set(TOKEN_ADJUSTMENT.TICKET, ticket)
                .set(TOKEN_ADJUSTMENT.ALLOW_NEGATIVE, allowNegative)
                .set(TOKEN_ADJUSTMENT.STATUS, "pending")
                .set(TOKEN_ADJUSTMENT.REQUESTED_BY, requestedBy)
                .set(TOKEN_ADJUSTMENT.REQUESTED_AT, now)
                .returningResult(TOKEN_ADJUSTMENT.ID)
                .fetchSingle().value1();
    }

    long insertApplied(long userId, long delta, ReasonCode reason, String comment, long batchId, String actor, long ledgerEntryId,
                       LocalDateTime now) {
        return dsl.insertInto(TOKEN_ADJUSTMENT)
                .set(TOKEN_ADJUSTMENT.USER_ID, userId)
                .set(TOKEN_ADJUSTMENT.DELTA, delta)
                .set(TOKEN_ADJUSTMENT.REASON_CODE, reason.dbValue())
                .set(TOKEN_ADJUSTMENT.COMMENT, comment)
                .set(TOKEN_ADJUSTMENT.STATUS, "applied")
                .set(TOKEN_ADJUSTMENT.REQUESTED_BY, actor)
                .set(TOKEN_ADJUSTMENT.REQUESTED_AT, now)
                .set(TOKEN_ADJUSTMENT.DECIDED_BY, actor)
                .set(TOKEN_ADJUSTMENT.DECIDED_AT, now)
                .set(TOKEN_ADJUSTMENT.LEDGER_ENTRY_ID, ledgerEntryId)
                .set(TOKEN_ADJUSTMENT.BATCH_ID, batchId)
                .returningResult(TOKEN_ADJUSTMENT.ID)
                .fetchSingle().value1();
    }

    /** One small adjustment applied at once, as part of a combined transaction. */
    record Applied(long userId, long delta, @Nullable ReasonCode reason, @Nullable String comment, String ticket, boolean allowNegative, String actor) {
    }

    /** Inserts applied adjustments in one statement (their ledger entries are linked afterwards); returns the ids in order. */
    List<Long> insertAllApplied(List<Applied> rows, LocalDateTime now) {
        var insert = dsl.insertInto(TOKEN_ADJUSTMENT, TOKEN_ADJUSTMENT.USER_ID, TOKEN_ADJUSTMENT.DELTA, TOKEN_ADJUSTMENT.REASON_CODE,
                TOKEN_ADJUSTMENT.COMMENT, TOKEN_ADJUSTMENT.TICKET, TOKEN_ADJUSTMENT.ALLOW_NEGATIVE, TOKEN_ADJUSTMENT.STATUS,
                TOKEN_ADJUSTMENT.REQUESTED_BY, TOKEN_ADJUSTMENT.REQUESTED_AT, TOKEN_ADJUSTMENT.DECIDED_BY, TOKEN_ADJUSTMENT.DECIDED_AT);
        for (Applied a : rows) {
            insert = insert.values(a.userId(), a.delta(), a.reason().dbValue(), a.comment(), a.ticket(), a.allowNegative(), "applied",
                    a.actor(), now, a.actor(), now);
        }
        return insert.returningResult(TOKEN_ADJUSTMENT.ID).fetch(r -> r.value1());
    }

    /** Links adjustments to their ledger entries in one statement. */
    void linkLedgerEntries(List<Long> adjustmentIds, List<Long> ledgerIds) {
        var choose = DSL.choose(TOKEN_ADJUSTMENT.ID);
        org.jooq.CaseWhenStep<Long, Long> cases = choose.when(adjustmentIds.get(0), ledgerIds.get(0));
        for (int i = 1; i < adjustmentIds.size(); i++) {
            cases = cases.when(adjustmentIds.get(i), ledgerIds.get(i));
        }
        dsl.update(TOKEN_ADJUSTMENT).set(TOKEN_ADJUSTMENT.LEDGER_ENTRY_ID, cases.otherwise(TOKEN_ADJUSTMENT.LEDGER_ENTRY_ID))
                .where(TOKEN_ADJUSTMENT.ID.in(adjustmentIds)).execute();
    }

    boolean batchExists(String sha256) {
        return dsl.fetchExists(BULK_ADJUSTMENT_BATCH, BULK_ADJUSTMENT_BATCH.SHA256.eq(sha256));
    }

    long insertBatch(String sha256, String fileName, int rows, long totalDelta, String actor, LocalDateTime now) {
        return dsl.insertInto(BULK_ADJUSTMENT_BATCH)
                .set(BULK_ADJUSTMENT_BATCH.SHA256, sha256)
                .set(BULK_ADJUSTMENT_BATCH.FILE_NAME, fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                .set(BULK_ADJUSTMENT_BATCH.ROW_COUNT, rows)
                .set(BULK_ADJUSTMENT_BATCH.TOTAL_DELTA, totalDelta)
                .set(BULK_ADJUSTMENT_BATCH.APPLIED_BY, actor)
                .set(BULK_ADJUSTMENT_BATCH.APPLIED_AT, now)
                .returningResult(BULK_ADJUSTMENT_BATCH.ID)
                .fetchSingle().value1();
    }

    Optional<Adjustment> lock(long id) {
        return dsl.selectFrom(TOKEN_ADJUSTMENT).where(TOKEN_ADJUSTMENT.ID.eq(id)).forUpdate().fetchOptional(AdjustmentRepository::adjustment);
    }

    Optional<Adjustment> find(long id) {
        return dsl.selectFrom(TOKEN_ADJUSTMENT).where(TOKEN_ADJUSTMENT.ID.eq(id)).fetchOptional(AdjustmentRepository::adjustment);
    }

    void decide(long id, String status, String decidedBy, String note, Long ledgerEntryId, LocalDateTime now) {
        dsl.update(TOKEN_ADJUSTMENT)
                .set(TOKEN_ADJUSTMENT.STATUS, status)
                .set(TOKEN_ADJUSTMENT.DECIDED_BY, decidedBy)
                .set(TOKEN_ADJUSTMENT.DECIDED_AT, now)
                .set(TOKEN_ADJUSTMENT.DECISION_NOTE, note)
                .set(TOKEN_ADJUSTMENT.LEDGER_ENTRY_ID, ledgerEntryId)
                .set(TOKEN_ADJUSTMENT.VERSION, TOKEN_ADJUSTMENT.VERSION.plus(1))
                .where(TOKEN_ADJUSTMENT.ID.eq(id))
                .execute();
    }

    List<Adjustment> pending(int offset, int limit) {
        return dsl.selectFrom(TOKEN_ADJUSTMENT).where(TOKEN_ADJUSTMENT.STATUS.eq("pending"))
                .orderBy(TOKEN_ADJUSTMENT.REQUESTED_AT).limit(limit).offset(offset)
                .fetch(AdjustmentRepository::adjustment);
    }

    int pendingCount() {
        return dsl.fetchCount(TOKEN_ADJUSTMENT, TOKEN_ADJUSTMENT.STATUS.eq("pending"));
    }

    List<Adjustment> forUser(long userId) {
        return dsl.selectFrom(TOKEN_ADJUSTMENT).where(TOKEN_ADJUSTMENT.USER_ID.eq(userId))
                .orderBy(TOKEN_ADJUSTMENT.REQUESTED_AT.desc()).limit(200)
                .fetch(AdjustmentRepository::adjustment);
    }

    private static Adjustment adjustment(Record r) {
        return new Adjustment(r.get(TOKEN_ADJUSTMENT.ID), r.get(TOKEN_ADJUSTMENT.USER_ID), r.get(TOKEN_ADJUSTMENT.DELTA),
                ReasonCode.fromDb(r.get(TOKEN_ADJUSTMENT.REASON_CODE)), r.get(TOKEN_ADJUSTMENT.COMMENT), r.get(TOKEN_ADJUSTMENT.TICKET),
                r.get(TOKEN_ADJUSTMENT.ALLOW_NEGATIVE), Adjustment.Status.valueOf(r.get(TOKEN_ADJUSTMENT.STATUS).toUpperCase(Locale.ROOT)),
                r.get(TOKEN_ADJUSTMENT.REQUESTED_BY), r.get(TOKEN_ADJUSTMENT.REQUESTED_AT), r.get(TOKEN_ADJUSTMENT.DECIDED_BY),
                r.get(TOKEN_ADJUSTMENT.DECIDED_AT), r.get(TOKEN_ADJUSTMENT.DECISION_NOTE), r.get(TOKEN_ADJUSTMENT.LEDGER_ENTRY_ID),
                r.get(TOKEN_ADJUSTMENT.VERSION));
    }
}

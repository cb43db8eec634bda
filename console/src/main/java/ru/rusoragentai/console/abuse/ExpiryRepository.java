package ru.rusoragentai.console.abuse;

import ru.rusoragentai.console.i18n.Text;
import static ru.rusoragentai.db.Tables.ABUSE_ACTION;
import static ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST;
import static ru.rusoragentai.db.Tables.ABUSE_CASE;
import static ru.rusoragentai.db.Tables.ABUSE_CASE_NOTE;
import static ru.rusoragentai.db.Tables.ABUSE_FLAG;

import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes abuse monitoring's expired rows for {@link AbuseRetention}. Abuse monitoring's retention period, enforced by the retention job: flags decided longer than
 * {@code console.abuse.keep-decided-days} ago, measures reverted or rejected that long ago, blocklist entries expired
 * or removed that long ago, and closed cases left without flags are deleted in small transactions. Open flags and
 * measures in force stay.
 */
@Repository
class ExpiryRepository {

    private static final int BATCH = 1_000;

    private final DSLContext dsl;
    private final AbuseProperties properties;
    private final TransactionTemplate tx;

    ExpiryRepository(DSLContext dsl, AbuseProperties properties, PlatformTransactionManager transactions) {
        this.dsl = dsl;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Deletes what has expired at {@code now}; returns how many flags went (the summary counts the rest too). */
    Text purge(LocalDateTime now) {
        LocalDateTime cutoff = now.minusDays(properties.keepDecidedDays());
        long flags = 0;
        for (int n; (n = tx.execute(s -> dsl.deleteFrom(ABUSE_FLAG).where(ABUSE_FLAG.STATUS.in("confirmed", "dismissed")
                .and(ABUSE_FLAG.RESOLVED_AT.lt(cutoff))).limit(BATCH).execute())) > 0; ) {
            flags += n;
        }
        int actions = tx.execute(s -> dsl.deleteFrom(ABUSE_ACTION).where(ABUSE_ACTION.STATUS.in("reverted", "rejected")
                .and(DSL.coalesce(ABUSE_ACTION.REVERTED_AT, ABUSE_ACTION.DECIDED_AT).lt(cutoff))
                .and(DSL.notExists(DSL.selectOne().from(ABUSE_BLOCKLIST).where(ABUSE_BLOCKLIST.ACTION_ID.eq(ABUSE_ACTION.ID)
                        .and(ABUSE_BLOCKLIST.REMOVED_AT.isNull()))))).execute());
        int blocks = tx.execute(s -> dsl.deleteFrom(ABUSE_BLOCKLIST).where(DSL.coalesce(ABUSE_BLOCKLIST.REMOVED_AT, ABUSE_BLOCKLIST.EXPIRES_AT)
                .lt(cutoff)).execute());
        int cases = tx.execute(s -> {
            var empty = dsl.select(ABUSE_CASE.ID).from(ABUSE_CASE).where(ABUSE_CASE.STATUS.eq("closed")
                    .and(DSL.notExists(DSL.selectOne().from(ABUSE_FLAG).where(ABUSE_FLAG.CASE_ID.eq(ABUSE_CASE.ID))))
                    .and(DSL.notExists(DSL.selectOne().from(ABUSE_ACTION).where(ABUSE_ACTION.CASE_ID.eq(ABUSE_CASE.ID)))))
                    .fetch(ABUSE_CASE.ID);
            dsl.deleteFrom(ABUSE_CASE_NOTE).where(ABUSE_CASE_NOTE.CASE_ID.in(empty)).execute();
            return dsl.deleteFrom(ABUSE_CASE).where(ABUSE_CASE.ID.in(empty)).execute();
        });
        return new Text("retention.summary.abuse", flags, actions, blocks, cases);
    }
}

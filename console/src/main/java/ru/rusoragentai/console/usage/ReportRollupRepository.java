package ru.rusoragentai.console.usage;

import static ru.rusoragentai.db.Tables.REPORT_DIRTY_DAY;
import static ru.rusoragentai.db.Tables.REPORT_LEDGER_DAY;
import static ru.rusoragentai.db.Tables.REPORT_REVENUE_DAY;
import static ru.rusoragentai.db.Tables.REPORT_USAGE_DAY;
import static ru.rusoragentai.db.Tables.REPORT_USER_DAY;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep12;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.db.tables.records.ReportUsageDayRecord;

/**
 * The analysts' usage roll-up ({@code report_usage_day}): a finished day's raw events aggregated per provider, model,
 * feature and country over the users whose data may be analysed, with a latency histogram and the distinct users as a
 * bitmap; and the queue of days to rebuild when a user's data leaves or comes back ({@code report_dirty_day}).
 */
@Repository
class ReportRollupRepository {

    private final DSLContext dsl;

    ReportRollupRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Replaces one day's report rows with a fresh aggregate of that day's events, read once and folded in memory; returns
     * the fold, with the day's distinct active users (for the cohorts' roll-up) and, when {@code withDaily}, the
     * per-user roll-up of the same pass (for {@code usage_daily}).
     */
    UsageDayFold rebuild(LocalDate day, RoaringBitmap excluded, boolean withDaily) {
        dsl.deleteFrom(REPORT_USAGE_DAY).where(REPORT_USAGE_DAY.DAY.eq(day)).execute();
        LocalDateTime from = day.atStartOfDay();
        UsageDayFold fold = new UsageDayFold();
        try (Cursor<Record> events = dsl.resultQuery("SELECT e.provider, e.model, e.feature, COALESCE(s.country_code, '--'),"
                        + " e.user_id, e.status, e.input_tokens, e.output_tokens, e.tokens_charged, e.latency_ms FROM usage_event e"
                        + " LEFT JOIN user_session s ON s.id = e.session_id WHERE e.occurred_at >= {0} AND e.occurred_at < {1}",
                        DSL.val(from), DSL.val(from.plusDays(1)))
                .fetchSize(10_000).fetchLazy()) {
            for (Record e : events) {
                if (withDaily) {
                    fold.addDaily(((Number) e.get(4)).longValue(), (String) e.get(0), (String) e.get(1), ((Number) e.get(6)).longValue(),
                            ((Number) e.get(7)).longValue(), ((Number) e.get(8)).longValue());
                }
                if (excluded.contains(Bitmaps.id(((Number) e.get(4)).longValue()))) {
                    continue;
                }
                fold.add((String) e.get(0), (String) e.get(1), (String) e.get(2), (String) e.get(3), ((Number) e.get(4)).longValue(),
                        !"ok".equals(e.get(5)), ((Number) e.get(6)).longValue(), ((Number) e.get(7)).longValue(),
                        ((Number) e.get(8)).longValue(), ((Number) e.get(9)).intValue());
            }
        }
        List<Map.Entry<UsageDayFold.Key, UsageDayFold.Sums>> rows = List.copyOf(fold.rows().entrySet());
        for (int start = 0; start < rows.size(); start += 500) {
            InsertValuesStep12<ReportUsageDayRecord, LocalDate, String, String, String, String, Integer, Integer, Long, Long, Long,
                    String, byte[]> insert = dsl.insertInto(REPORT_USAGE_DAY, REPORT_USAGE_DAY.DAY, REPORT_USAGE_DAY.PROVIDER,
                    REPORT_USAGE_DAY.MODEL, REPORT_USAGE_DAY.FEATURE, REPORT_USAGE_DAY.COUNTRY, REPORT_USAGE_DAY.REQUESTS,
                    REPORT_USAGE_DAY.ERRORS, REPORT_USAGE_DAY.INPUT_TOKENS, REPORT_USAGE_DAY.OUTPUT_TOKENS,
                    REPORT_USAGE_DAY.TOKENS_CHARGED, REPORT_USAGE_DAY.LATENCY_HIST, REPORT_USAGE_DAY.USERS);
            for (Map.Entry<UsageDayFold.Key, UsageDayFold.Sums> row : rows.subList(start, Math.min(rows.size(), start + 500))) {
                UsageDayFold.Key key = row.getKey();
                UsageDayFold.Sums sums = row.getValue();
                insert = insert.values(day, key.provider(), key.model(), key.feature(), key.country(), sums.requests, sums.errors,
                        sums.inputTokens, sums.outputTokens, sums.tokensCharged, sums.latencyHist(), Bitmaps.bytes(sums.users));
            }
            insert.execute();
        }
        return fold;
    }

    /** The users the roll-ups leave out now, as a bitmap of ids. */
    RoaringBitmap excludedUsers() {
        RoaringBitmap excluded = new RoaringBitmap();
        dsl.resultQuery(AnalysedUsers.EXCLUDED_IDS).fetchSize(10_000).forEach(r -> excluded.add(Bitmaps.id(((Number) r.get(0)).longValue())));
        return excluded;
    }

    /**
     * Replaces one day's money and token rows: payments by the day they were paid, refunds and chargebacks by the day
     * the payment took that status, ledger movements by kind. Returns rows written.
     */
    int rebuildMoney(LocalDate day) {
        dsl.deleteFrom(REPORT_REVENUE_DAY).where(REPORT_REVENUE_DAY.DAY.eq(day)).execute();
        dsl.deleteFrom(REPORT_LEDGER_DAY).where(REPORT_LEDGER_DAY.DAY.eq(day)).execute();
        LocalDateTime from = day.atStartOfDay();
        LocalDateTime until = from.plusDays(1);
        String analysed = " JOIN app_user u ON u.id = p.user_id AND " + AnalysedUsers.CONDITION;
        int revenue = dsl.execute("""
                INSERT INTO report_revenue_day (day, channel, product, currency, purchases, first_purchases, gross_minor,
                    tokens_sold, refunds, refunded_minor, chargebacks, charged_back_minor)
                SELECT {0}, channel, product, currency, SUM(purchases), SUM(first_purchases), SUM(gross), SUM(tokens),
                    SUM(refunds), SUM(refunded), SUM(chargebacks), SUM(charged_back)
                FROM (
                    SELECT p.channel, COALESCE(p.product_id, '--') product, p.currency, 1 purchases,
                        NOT EXISTS (SELECT 1 FROM payment f WHERE f.user_id = p.user_id
                            AND (f.paid_at < p.paid_at OR (f.paid_at = p.paid_at AND f.id < p.id))) first_purchases,
                        p.amount_minor gross, p.tokens, 0 refunds, 0 refunded, 0 chargebacks, 0 charged_back
                    FROM payment p""" + analysed + """
                    WHERE p.paid_at >= {1} AND p.paid_at < {2}
                    UNION ALL
                    SELECT p.channel, COALESCE(p.product_id, '--'), p.currency, 0, 0, 0, 0,
                        p.status = 'refunded', IF(p.status = 'refunded', p.amount_minor, 0),
                        p.status = 'charged_back', IF(p.status = 'charged_back', p.amount_minor, 0)
                    FROM payment p""" + analysed + """
                    WHERE p.status IN ('refunded', 'charged_back') AND p.updated_at >= {1} AND p.updated_at < {2}
                ) t GROUP BY channel, product, currency""", DSL.val(day), DSL.val(from), DSL.val(until));
        int ledger = dsl.execute("INSERT INTO report_ledger_day (day, kind, credited, debited, entries)"
                + " SELECT {0}, p.kind, SUM(GREATEST(p.delta, 0)), SUM(GREATEST(-p.delta, 0)), COUNT(*) FROM token_ledger p"
                + analysed + " WHERE p.created_at >= {1} AND p.created_at < {2} GROUP BY p.kind",
                DSL.val(day), DSL.val(from), DSL.val(until));
        return revenue + ledger;
    }

    /** Queues the days a user signed up or has usage, payments or ledger entries on for a rebuild; returns how many were queued. */
    int markDaysOf(long userId, LocalDateTime now) {
        return dsl.execute("""
                INSERT IGNORE INTO report_dirty_day (day, marked_at)
                SELECT day, {0} FROM (
                    SELECT day FROM usage_daily WHERE user_id = {1}
                    UNION SELECT DATE(paid_at) FROM payment WHERE user_id = {1}
                    UNION SELECT DATE(updated_at) FROM payment WHERE user_id = {1}
                    UNION SELECT DATE(created_at) FROM token_ledger WHERE user_id = {1}
                    UNION SELECT DATE(created_at) FROM app_user WHERE id = {1}
                ) days""", DSL.val(now), DSL.val(userId));
    }

    /** The first day anything the analysts' roll-ups come from happened on, if anything did. */
    java.util.Optional<LocalDate> firstSourceDay() {
        return java.util.Optional.ofNullable(dsl.resultQuery("""
                SELECT LEAST(COALESCE((SELECT MIN(paid_at) FROM payment), '9999-12-31'),
                             COALESCE((SELECT MIN(created_at) FROM app_user), '9999-12-31'),
                             COALESCE((SELECT MIN(created_at) FROM token_ledger), '9999-12-31'),
                             COALESCE((SELECT MIN(occurred_at) FROM usage_event), '9999-12-31'))""").fetchOne(0, LocalDate.class))
                .filter(day -> day.getYear() < 9999);
    }

    /**
     * Whether one of the analysts' roll-ups holds nothing yet (a new installation, or an upgrade that added it): the
     * start backfills them once.
     */
    boolean anyEmpty() {
        return !dsl.fetchExists(REPORT_USAGE_DAY) || !dsl.fetchExists(REPORT_LEDGER_DAY) || !dsl.fetchExists(REPORT_USER_DAY);
    }

    /** The queued days, oldest first, with when each was marked. */
    Map<LocalDate, LocalDateTime> dirtyDays(int limit) {
        Map<LocalDate, LocalDateTime> days = new java.util.LinkedHashMap<>();
        dsl.selectFrom(REPORT_DIRTY_DAY).orderBy(REPORT_DIRTY_DAY.DAY).limit(limit)
                .forEach(r -> days.put(r.getDay(), r.getMarkedAt()));
        return days;
    }

    /** Takes a day off the queue unless it was marked again after {@code markedAt}. */
    void clearDirty(LocalDate day, LocalDateTime markedAt) {
        dsl.deleteFrom(REPORT_DIRTY_DAY).where(REPORT_DIRTY_DAY.DAY.eq(day), REPORT_DIRTY_DAY.MARKED_AT.le(markedAt)).execute();
    }
}

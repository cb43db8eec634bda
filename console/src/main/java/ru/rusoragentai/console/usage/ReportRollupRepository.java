package ru.rusoragentai.console.usage;

import static ru.rusoragentai.db.Tables.REPORT_DIRTY_DAY;
import static ru.rusoragentai.db.Tables.REPORT_LEDGER_DAY;
import static ru.rusoragentai.db.Tables.REPORT_REVENUE_DAY;
import static ru.rusoragentai.db.Tables.REPORT_USAGE_DAY;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep12;
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

    private static final int[] LATENCY_BOUNDS_MS = LatencyBuckets.boundsMillis();

    private static final String INCLUDED_USERS = """
            JOIN app_user u ON u.id = e.user_id AND u.processing_restricted = 0 AND u.processing_objected = 0
                AND u.status <> 'deleted'
            LEFT JOIN user_session s ON s.id = e.session_id""";

    private final DSLContext dsl;

    ReportRollupRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Replaces one day's report rows with a fresh aggregate of that day's events; returns rows written. */
    int rebuild(LocalDate day) {
        dsl.deleteFrom(REPORT_USAGE_DAY).where(REPORT_USAGE_DAY.DAY.eq(day)).execute();
        LocalDateTime from = day.atStartOfDay();
        LocalDateTime until = from.plusDays(1);
        Map<String, RoaringBitmap> users = new HashMap<>();
        dsl.resultQuery("SELECT e.provider, e.model, e.feature, COALESCE(s.country_code, '--'), e.user_id FROM usage_event e "
                        + INCLUDED_USERS + " WHERE e.occurred_at >= {0} AND e.occurred_at < {1}"
                        + " GROUP BY e.provider, e.model, e.feature, COALESCE(s.country_code, '--'), e.user_id",
                        DSL.val(from), DSL.val(until))
                .fetchSize(5_000)
                .forEach(r -> users.computeIfAbsent(key(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, String.class)), k -> new RoaringBitmap()).add(bitmapId(r.get(4, Long.class))));
        String buckets = IntStream.rangeClosed(0, LATENCY_BOUNDS_MS.length).mapToObj(ReportRollupRepository::bucketSum)
                .collect(Collectors.joining(", "));
        List<ReportUsageDayRecord> rows = new ArrayList<>();
        dsl.resultQuery("SELECT e.provider, e.model, e.feature, COALESCE(s.country_code, '--'), COUNT(*), SUM(e.status <> 'ok'),"
                        + " SUM(e.input_tokens), SUM(e.output_tokens), SUM(e.tokens_charged), CONCAT_WS(',', " + buckets + ")"
                        + " FROM usage_event e " + INCLUDED_USERS + " WHERE e.occurred_at >= {0} AND e.occurred_at < {1}"
                        + " GROUP BY e.provider, e.model, e.feature, COALESCE(s.country_code, '--')", DSL.val(from), DSL.val(until))
                .forEach(r -> {
                    String provider = r.get(0, String.class);
                    String model = r.get(1, String.class);
                    String feature = r.get(2, String.class);
                    String country = r.get(3, String.class);
                    rows.add(new ReportUsageDayRecord(day, provider, model, feature, country, r.get(4, Integer.class),
                            r.get(5, Integer.class), r.get(6, Long.class), r.get(7, Long.class), r.get(8, Long.class),
                            r.get(9, String.class), bytes(users.get(key(provider, model, feature, country)))));
                });
        for (int start = 0; start < rows.size(); start += 500) {
            InsertValuesStep12<ReportUsageDayRecord, LocalDate, String, String, String, String, Integer, Integer, Long, Long, Long,
                    String, byte[]> insert = dsl.insertInto(REPORT_USAGE_DAY, REPORT_USAGE_DAY.DAY, REPORT_USAGE_DAY.PROVIDER,
                    REPORT_USAGE_DAY.MODEL, REPORT_USAGE_DAY.FEATURE, REPORT_USAGE_DAY.COUNTRY, REPORT_USAGE_DAY.REQUESTS,
                    REPORT_USAGE_DAY.ERRORS, REPORT_USAGE_DAY.INPUT_TOKENS, REPORT_USAGE_DAY.OUTPUT_TOKENS,
                    REPORT_USAGE_DAY.TOKENS_CHARGED, REPORT_USAGE_DAY.LATENCY_HIST, REPORT_USAGE_DAY.USERS);
            for (ReportUsageDayRecord row : rows.subList(start, Math.min(rows.size(), start + 500))) {
                insert = insert.values(row.getDay(), row.getProvider(), row.getModel(), row.getFeature(), row.getCountry(),
                        row.getRequests(), row.getErrors(), row.getInputTokens(), row.getOutputTokens(), row.getTokensCharged(),
                        row.getLatencyHist(), row.getUsers());
            }
            insert.execute();
        }
        return rows.size();
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
        String analysed = " JOIN app_user u ON u.id = p.user_id AND u.processing_restricted = 0 AND u.processing_objected = 0"
                + " AND u.status <> 'deleted'";
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

    /** Queues the days a user has usage, payments or ledger entries on for a rebuild; returns how many were queued. */
    int markDaysOf(long userId, LocalDateTime now) {
        return dsl.execute("""
                INSERT IGNORE INTO report_dirty_day (day, marked_at)
                SELECT day, {0} FROM (
                    SELECT day FROM usage_daily WHERE user_id = {1}
                    UNION SELECT DATE(paid_at) FROM payment WHERE user_id = {1}
                    UNION SELECT DATE(updated_at) FROM payment WHERE user_id = {1}
                    UNION SELECT DATE(created_at) FROM token_ledger WHERE user_id = {1}
                ) days""", DSL.val(now), DSL.val(userId));
    }

    /** The first day anything the analysts' roll-ups come from happened on, if anything did. */
    java.util.Optional<LocalDate> firstSourceDay() {
        return java.util.Optional.ofNullable(dsl.resultQuery("""
                SELECT LEAST(COALESCE((SELECT MIN(paid_at) FROM payment), '9999-12-31'),
                             COALESCE((SELECT MIN(created_at) FROM token_ledger), '9999-12-31'),
                             COALESCE((SELECT MIN(occurred_at) FROM usage_event), '9999-12-31'))""").fetchOne(0, LocalDate.class))
                .filter(day -> day.getYear() < 9999);
    }

    /** Whether the usage roll-up for analysts holds anything yet. */
    boolean usageEmpty() {
        return !dsl.fetchExists(REPORT_USAGE_DAY);
    }

    /** Whether the money roll-up holds anything yet (a new installation or an upgrade backfills it once). */
    boolean moneyEmpty() {
        return !dsl.fetchExists(REPORT_LEDGER_DAY);
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

    private static String bucketSum(int bucket) {
        int[] b = LATENCY_BOUNDS_MS;
        if (bucket == 0) {
            return "SUM(e.latency_ms < " + b[0] + ")";
        }
        if (bucket == b.length) {
            return "SUM(e.latency_ms >= " + b[b.length - 1] + ")";
        }
        return "SUM(e.latency_ms >= " + b[bucket - 1] + " AND e.latency_ms < " + b[bucket] + ")";
    }

    /** A user id as the bitmap holds it: an unsigned 32-bit value, which covers ids up to 4,294,967,295. */
    private static int bitmapId(long userId) {
        if (userId >>> 32 != 0) {
            throw new IllegalStateException("user id " + userId + " is beyond what the users bitmap holds");
        }
        return (int) userId;
    }

    private static String key(String provider, String model, String feature, String country) {
        return provider + '\u0000' + model + '\u0000' + feature + '\u0000' + country;
    }

    private static byte[] bytes(RoaringBitmap users) {
        users.runOptimize();
        ByteArrayOutputStream out = new ByteArrayOutputStream(users.serializedSizeInBytes());
        try (DataOutputStream data = new DataOutputStream(out)) {
            users.serialize(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

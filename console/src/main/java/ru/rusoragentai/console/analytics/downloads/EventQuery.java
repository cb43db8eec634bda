package ru.rusoragentai.console.analytics.downloads;

import java.util.ArrayList;
import java.util.List;
import ru.rusoragentai.console.analytics.UsageQuery;

/**
 * The SQL of the event-level export: the raw events of a range and filters over the users whose data may be analysed
 * (the users the roll-up counts), in no particular order. Public so that the export benchmark times its floor on the
 * very same query.
 */
public final class EventQuery {

    /** The columns, in order: occurred_at, user_id, provider, model, feature, country, tokens in, out, charged, latency, status. */
    public static final int COLUMNS = 11;

    private EventQuery() {
    }

    public static String sql(UsageQuery query) {
        StringBuilder sql = new StringBuilder("""
                SELECT e.occurred_at, e.user_id, e.provider, e.model, e.feature, COALESCE(s.country_code, '--'), e.input_tokens,
                    e.output_tokens, e.tokens_charged, e.latency_ms, e.status
                FROM usage_event e
                JOIN app_user u ON u.id = e.user_id AND u.processing_restricted = 0 AND u.processing_objected = 0
                    AND u.status <> 'deleted'
                LEFT JOIN user_session s ON s.id = e.session_id
                WHERE e.occurred_at >= ? AND e.occurred_at < ?""");
        for (String[] filter : filters(query)) {
            if (filter[1] != null) {
                sql.append(" AND ").append(filter[0]).append(" = ?");
            }
        }
        return sql.toString();
    }

    /** The values of the query's placeholders, in order. */
    public static Object[] values(UsageQuery query) {
        List<Object> values = new ArrayList<>(List.of(query.from().atStartOfDay(), query.until().atStartOfDay()));
        for (String[] filter : filters(query)) {
            if (filter[1] != null) {
                values.add(filter[1]);
            }
        }
        return values.toArray();
    }

    private static String[][] filters(UsageQuery query) {
        return new String[][] {{"e.provider", query.provider()}, {"e.model", query.model()}, {"e.feature", query.feature()},
                {"COALESCE(s.country_code, '--')", query.country()}};
    }
}

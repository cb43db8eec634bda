package ru.rusoragentai.console.analytics.downloads;

import java.util.ArrayList;
import java.util.List;
import ru.rusoragentai.console.analytics.UsageQuery;

/**
 * The SQL of the event-level export: the raw events of a range and filters, in no particular order. The users whose
 * data may not be analysed are left out by the reader ({@code EventRowsRepository}) from a short list read first, not
 * by a join to app_user, which costs a key lookup per event. Public so that the export benchmark times its floor on
 * the very same query.
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

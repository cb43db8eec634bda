package ru.rusoragentai.console.analytics.downloads;

import static ru.rusoragentai.db.Tables.REPORT_USAGE_DAY;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.console.analytics.UsageQuery;
import ru.rusoragentai.console.usage.AnalysedUsers;

/**
 * The raw usage events of a range for the event-level export, streamed, over the users whose data may be analysed
 * (the same users the roll-up counts); and how many there are, from the roll-up.
 */
@Repository
class EventRowsRepository {

    /** One event as the export writes it; the user only as the id the pseudonym is made from. */
    interface Sink {
        void event(LocalDateTime occurredAt, long userId, String provider, String model, String feature, String country,
                   int inputTokens, int outputTokens, long tokensCharged, int latencyMs, String status);
    }

    private final DSLContext dsl;

    EventRowsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Streams the events of the query's range and filters, in no particular order, leaving out users who restricted or
     * objected to processing and deleted accounts; returns how many.
     */
    long stream(UsageQuery query, Sink sink) {
        java.util.Set<Long> excluded = new java.util.HashSet<>(dsl.resultQuery(AnalysedUsers.EXCLUDED_IDS).fetch(0, Long.class));
        long rows = 0;
        try (Cursor<Record> events = dsl.resultQuery(EventQuery.sql(query), EventQuery.values(query)).fetchSize(10_000).fetchLazy()) {
            for (Record e : events) {
                long user = ((Number) e.get(1)).longValue();
                if (excluded.contains(user)) {
                    continue;
                }
                sink.event(time(e.get(0)), user, (String) e.get(2), (String) e.get(3),
                        (String) e.get(4), (String) e.get(5), ((Number) e.get(6)).intValue(), ((Number) e.get(7)).intValue(),
                        ((Number) e.get(8)).longValue(), ((Number) e.get(9)).intValue(), (String) e.get(10));
                rows++;
            }
        }
        return rows;
    }

    private static LocalDateTime time(Object value) {
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) value;
    }

    /** How many events the export will hold, from the analysts' roll-up (which counts the same users). */
    long expected(UsageQuery query) {
        List<Condition> where = new ArrayList<>(List.of(REPORT_USAGE_DAY.DAY.ge(query.from()), REPORT_USAGE_DAY.DAY.lt(query.until())));
        if (query.provider() != null) {
            where.add(REPORT_USAGE_DAY.PROVIDER.eq(query.provider()));
        }
        if (query.model() != null) {
            where.add(REPORT_USAGE_DAY.MODEL.eq(query.model()));
        }
        if (query.feature() != null) {
            where.add(REPORT_USAGE_DAY.FEATURE.eq(query.feature()));
        }
        if (query.country() != null) {
            where.add(REPORT_USAGE_DAY.COUNTRY.eq(query.country()));
        }
        var sum = dsl.select(DSL.sum(REPORT_USAGE_DAY.REQUESTS)).from(REPORT_USAGE_DAY).where(where).fetchSingle().value1();
        return sum == null ? 0 : sum.longValue();
    }
}

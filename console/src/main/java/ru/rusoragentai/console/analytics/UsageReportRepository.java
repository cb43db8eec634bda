package ru.rusoragentai.console.analytics;

import static ru.rusoragentai.db.Tables.REPORT_USAGE_DAY;
import static ru.rusoragentai.db.Tables.REPORT_USAGE_USERS_DAY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Reads the analysts' usage roll-up ({@code report_usage_day}), which already leaves out users who restricted or
 * objected to processing and deleted accounts.
 */
@Repository
class UsageReportRepository {

    /** One roll-up row as the report needs it; {@code users} is the serialized bitmap of distinct user ids. */
    record Row(LocalDate day, String provider, String model, String feature, String country, int requests, int errors,
               long inputTokens, long outputTokens, long tokensCharged, String latencyHist, byte @Nullable [] users) {
    }

    private final DSLContext dsl;

    UsageReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Streams the rows of the query's range and filters; the bitmaps only when {@code withUsers}. */
    void rows(UsageQuery query, boolean withUsers, Consumer<Row> sink) {
        Field<byte[]> users = withUsers ? REPORT_USAGE_DAY.USERS : DSL.inline((byte[]) null, REPORT_USAGE_DAY.USERS);
        dsl.select(REPORT_USAGE_DAY.DAY, REPORT_USAGE_DAY.PROVIDER, REPORT_USAGE_DAY.MODEL, REPORT_USAGE_DAY.FEATURE,
                        REPORT_USAGE_DAY.COUNTRY, REPORT_USAGE_DAY.REQUESTS, REPORT_USAGE_DAY.ERRORS, REPORT_USAGE_DAY.INPUT_TOKENS,
                        REPORT_USAGE_DAY.OUTPUT_TOKENS, REPORT_USAGE_DAY.TOKENS_CHARGED, REPORT_USAGE_DAY.LATENCY_HIST, users)
                .from(REPORT_USAGE_DAY)
                .where(filters(query))
                .fetchSize(5_000)
                .forEach(r -> sink.accept(new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10(), r.value11(), r.value12())));
    }

    /** One day's distinct users of one value of a dimension ({@code report_usage_users_day}). */
    record Users(LocalDate day, String value, byte[] users) {
    }

    /**
     * Streams the distinct users per day and value of one dimension over the range ({@code all} for the whole day),
     * of one value only when {@code value} is set.
     */
    void users(LocalDate from, LocalDate until, String dimension, @Nullable String value, Consumer<Users> sink) {
        List<Condition> conditions = new ArrayList<>(List.of(REPORT_USAGE_USERS_DAY.DIMENSION.eq(dimension),
                REPORT_USAGE_USERS_DAY.DAY.ge(from), REPORT_USAGE_USERS_DAY.DAY.lt(until)));
        if (value != null) {
            conditions.add(REPORT_USAGE_USERS_DAY.VALUE.eq(value));
        }
        dsl.select(REPORT_USAGE_USERS_DAY.DAY, REPORT_USAGE_USERS_DAY.VALUE, REPORT_USAGE_USERS_DAY.USERS)
                .from(REPORT_USAGE_USERS_DAY).where(conditions).fetchSize(1_000)
                .forEach(r -> sink.accept(new Users(r.value1(), r.value2(), r.value3())));
    }

    /** The values the filters can take over the range. */
    UsageReport.Choices choices(LocalDate from, LocalDate until) {
        return new UsageReport.Choices(values(REPORT_USAGE_DAY.PROVIDER, from, until), values(REPORT_USAGE_DAY.MODEL, from, until),
                values(REPORT_USAGE_DAY.FEATURE, from, until), values(REPORT_USAGE_DAY.COUNTRY, from, until));
    }

    private List<String> values(Field<String> column, LocalDate from, LocalDate until) {
        return dsl.selectDistinct(column).from(REPORT_USAGE_DAY)
                .where(REPORT_USAGE_DAY.DAY.ge(from), REPORT_USAGE_DAY.DAY.lt(until)).orderBy(column).fetch(column);
    }

    private static List<Condition> filters(UsageQuery query) {
        List<Condition> conditions = new ArrayList<>(List.of(REPORT_USAGE_DAY.DAY.ge(query.from()), REPORT_USAGE_DAY.DAY.lt(query.until())));
        if (query.provider() != null) {
            conditions.add(REPORT_USAGE_DAY.PROVIDER.eq(query.provider()));
        }
        if (query.model() != null) {
            conditions.add(REPORT_USAGE_DAY.MODEL.eq(query.model()));
        }
        if (query.feature() != null) {
            conditions.add(REPORT_USAGE_DAY.FEATURE.eq(query.feature()));
        }
        if (query.country() != null) {
            conditions.add(REPORT_USAGE_DAY.COUNTRY.eq(query.country()));
        }
        return conditions;
    }
}

package ru.rusoragentai.console.usage;

import static ru.rusoragentai.db.Tables.USAGE_DAILY;

import java.time.LocalDate;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class UsageRollupRepository {

    private final DSLContext dsl;

    UsageRollupRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<LocalDate> lastRolledUpDay() {
        return Optional.ofNullable(dsl.select(DSL.max(USAGE_DAILY.DAY)).from(USAGE_DAILY).fetchSingle().value1());
    }

    Optional<LocalDate> firstEventDay() {
        return Optional.ofNullable(dsl.resultQuery("SELECT DATE(MIN(occurred_at)) FROM usage_event").fetchOne(0, LocalDate.class));
    }

    /** Replaces one day's roll-up with a fresh aggregate of that day's events; returns rows written. */
    int rebuild(LocalDate day) {
        dsl.deleteFrom(USAGE_DAILY).where(USAGE_DAILY.DAY.eq(day)).execute();
        return dsl.execute("""
                INSERT INTO usage_daily (user_id, day, model, provider, events, input_tokens, output_tokens, tokens_charged)
                SELECT user_id, {0}, model, MIN(provider), COUNT(*), SUM(input_tokens), SUM(output_tokens), SUM(tokens_charged)
                FROM usage_event WHERE occurred_at >= {1} AND occurred_at < {2}
                GROUP BY user_id, model""", DSL.val(day), DSL.val(day.atStartOfDay()), DSL.val(day.plusDays(1).atStartOfDay()));
    }
}

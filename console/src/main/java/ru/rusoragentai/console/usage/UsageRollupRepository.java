package ru.rusoragentai.console.usage;

import static ru.rusoragentai.db.Tables.USAGE_DAILY;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    /**
     * Replaces one day's roll-up with the rows folded from that day's events (in the same pass as the analysts'
     * roll-up); returns rows written.
     */
    int replace(LocalDate day, Map<UsageDayFold.DailyKey, UsageDayFold.DailySums> rows) {
        dsl.deleteFrom(USAGE_DAILY).where(USAGE_DAILY.DAY.eq(day)).execute();
        List<Map.Entry<UsageDayFold.DailyKey, UsageDayFold.DailySums>> all = List.copyOf(rows.entrySet());
        for (int start = 0; start < all.size(); start += 1_000) {
            var insert = dsl.insertInto(USAGE_DAILY, USAGE_DAILY.USER_ID, USAGE_DAILY.DAY, USAGE_DAILY.MODEL, USAGE_DAILY.PROVIDER,
                    USAGE_DAILY.EVENTS, USAGE_DAILY.INPUT_TOKENS, USAGE_DAILY.OUTPUT_TOKENS, USAGE_DAILY.TOKENS_CHARGED);
            for (var row : all.subList(start, Math.min(all.size(), start + 1_000))) {
                UsageDayFold.DailySums sums = row.getValue();
                insert = insert.values(row.getKey().userId(), day, row.getKey().model(), sums.provider, sums.events, sums.inputTokens,
                        sums.outputTokens, sums.tokensCharged);
            }
            insert.execute();
        }
        return all.size();
    }
}

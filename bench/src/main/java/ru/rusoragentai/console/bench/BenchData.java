package ru.rusoragentai.console.bench;

import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Sample picking for the benchmarks: which users and payments exist, and who is heaviest. */
@Repository
class BenchData {

    private final DSLContext dsl;

    BenchData(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts users with Telegram ids first..first+count-1 (for the webhook benchmark). */
    void insertUsers(long firstTelegramId, int count) {
        var now = java.time.LocalDateTime.now();
        for (int start = 0; start < count; start += 1000) {
            var insert = dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.TELEGRAM_USER_ID,
                    APP_USER.CREATED_AT);
            for (int i = start; i < Math.min(count, start + 1000); i++) {
                insert = insert.values("wh_bench_" + (firstTelegramId + i), "Webhook bench " + i, firstTelegramId + i, now);
            }
            insert.execute();
        }
    }

    /** One usage event for a user, as the platform writes them (the privacy benchmark's concurrent writer). */
    void insertUsageEvent(long userId) {
        dsl.insertInto(USAGE_EVENT)
                .set(USAGE_EVENT.OCCURRED_AT, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))
                .set(USAGE_EVENT.USER_ID, userId).set(USAGE_EVENT.PROVIDER, "anthropic").set(USAGE_EVENT.MODEL, "claude-sonnet-4")
                .set(USAGE_EVENT.FEATURE, "chat").set(USAGE_EVENT.INPUT_TOKENS, 10).set(USAGE_EVENT.OUTPUT_TOKENS, 10)
                .set(USAGE_EVENT.TOKENS_CHARGED, 20L).set(USAGE_EVENT.LATENCY_MS, 100).set(USAGE_EVENT.STATUS, "ok")
                .execute();
    }

    long maxUserId() {
        return dsl.select(DSL.max(APP_USER.ID)).from(APP_USER).fetchSingle().value1();
    }

    List<String> samplePaymentIds(int n) {
        return dsl.select(PAYMENT.EXTERNAL_ID).from(PAYMENT).orderBy(DSL.rand()).limit(n).fetch(r -> r.value1());
    }

    /** The planted heavy user when there is one (user 1), else whoever has the most events in a sample. */
    long heaviestUser() {
        return dsl.select(USAGE_EVENT.USER_ID).from(USAGE_EVENT)
                .where(USAGE_EVENT.USER_ID.le(1000L))
                .groupBy(USAGE_EVENT.USER_ID).orderBy(DSL.count().desc()).limit(1)
                .fetchOptional(r -> r.value1()).orElse(1L);
    }
}

package ru.rusoragentai.console.support;

import static ru.rusoragentai.db.Tables.APP_USER;

import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;

/** Small, uniquely named rows for tests that share one database. */
public final class TestData {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private TestData() {
    }

    public static long insertUser(DSLContext dsl, String displayName) {
        long n = SEQUENCE.incrementAndGet();
        return dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, "test_user_" + n)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.TELEGRAM_USER_ID, 9_000_000_000L + n)
                .set(APP_USER.CREATED_AT, TestClock.now())
                .returningResult(APP_USER.ID)
                .fetchSingle().value1();
    }

    /** The Telegram id {@link #insertUser} gave a user. */
    public static long telegramId(DSLContext dsl, long userId) {
        return dsl.select(APP_USER.TELEGRAM_USER_ID).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchSingle().value1();
    }

    /** A Telegram id no test user has (yet). */
    public static long unusedTelegramId() {
        return 8_000_000_000L + SEQUENCE.incrementAndGet();
    }

    /** A user with a given Telegram id (for "the user signed up later"). */
    public static long insertUserWithTelegramId(DSLContext dsl, String displayName, long telegramId) {
        long id = insertUser(dsl, displayName);
        dsl.update(APP_USER).set(APP_USER.TELEGRAM_USER_ID, telegramId).where(APP_USER.ID.eq(id)).execute();
        return id;
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }
}

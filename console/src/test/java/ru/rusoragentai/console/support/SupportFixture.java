package ru.rusoragentai.console.support;

import static ru.rusoragentai.db.Tables.APP_USER;

import org.jooq.DSLContext;

/** A fully described user for support tests: email, Cyrillic name, a session from an IP and a payment. */
public record SupportFixture(long userId, String username, String displayName, String email, long telegramId,
                             String paymentId, String ip) {

    public static SupportFixture create(DSLContext dsl, String displayName) throws Exception {
        String username = TestData.unique("supp_");
        String email = username + "@example.org";
        long telegramId = 7_000_000_000L + Math.abs(username.hashCode());
        long id = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username).set(APP_USER.DISPLAY_NAME, displayName).set(APP_USER.EMAIL, email)
                .set(APP_USER.TELEGRAM_USER_ID, telegramId).set(APP_USER.CREATED_AT, TestClock.now())
                .returningResult(APP_USER.ID).fetchSingle().value1();
        String ip = "198.51.100." + (1 + Math.floorMod(username.hashCode(), 250));
        PlatformRows rows = new PlatformRows(dsl);
        rows.session(id, TestClock.now(), ip).device("desktop", "Firefox", "Linux").place("RS", null).insert();
        String paymentId = TestData.unique("trb_test_");
        rows.payment(id, paymentId, TestClock.now());
        return new SupportFixture(id, username, displayName, email, telegramId, paymentId, ip);
    }
}

package ru.rusoragentai.console.support;

import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.USER_SESSION;

import java.net.InetAddress;
import java.time.LocalDateTime;
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
        dsl.insertInto(USER_SESSION)
                .set(USER_SESSION.USER_ID, id).set(USER_SESSION.STARTED_AT, TestClock.now())
                .set(USER_SESSION.IP, InetAddress.getByName(ip).getAddress()).set(USER_SESSION.DEVICE_TYPE, "desktop")
                .set(USER_SESSION.BROWSER, "Firefox").set(USER_SESSION.OS, "Linux").set(USER_SESSION.COUNTRY_CODE, "RS")
                .execute();
        String paymentId = TestData.unique("trb_test_");
        LocalDateTime now = TestClock.now();
        dsl.insertInto(PAYMENT)
                .set(PAYMENT.CHANNEL, "pay-tribute").set(PAYMENT.EXTERNAL_ID, paymentId).set(PAYMENT.USER_ID, id)
                .set(PAYMENT.AMOUNT_MINOR, 49_900L).set(PAYMENT.CURRENCY, "RUB").set(PAYMENT.TOKENS, 100_000L)
                .set(PAYMENT.STATUS, "succeeded").set(PAYMENT.PAID_AT, now).set(PAYMENT.CREATED_AT, now).set(PAYMENT.UPDATED_AT, now)
                .execute();
        return new SupportFixture(id, username, displayName, email, telegramId, paymentId, ip);
    }
}

package ru.rusoragentai.console.abuse;

import static ru.rusoragentai.db.Tables.ABUSE_FLAG;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.TOKEN_ADJUSTMENT;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;
import static ru.rusoragentai.db.Tables.USER_SESSION;

import java.net.InetAddress;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import ru.rusoragentai.console.support.TestData;

/** Crafted platform rows for abuse tests: sessions, usage, ledger rows and adjustments at chosen times. */
final class AbuseFixture {

    private final DSLContext dsl;

    AbuseFixture(DSLContext dsl) {
        this.dsl = dsl;
    }

    long user(String name, LocalDateTime created) {
        long id = TestData.insertUser(dsl, name);
        dsl.update(APP_USER).set(APP_USER.CREATED_AT, created).where(APP_USER.ID.eq(id)).execute();
        return id;
    }

    /** A /24 no other test uses: 10.x.y.0 with random x and y. */
    static String network() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 255) + "." + r.nextInt(0, 255) + ".";
    }

    void session(long user, LocalDateTime at, String ip, String country, String region) {
        session(user, at, ip, "Mozilla/5.0 test " + UUID.randomUUID(), country, region);
    }

    void session(long user, LocalDateTime at, String ip, String agent, String country, String region) {
        try {
            dsl.insertInto(USER_SESSION).set(USER_SESSION.USER_ID, user).set(USER_SESSION.STARTED_AT, at)
                    .set(USER_SESSION.ENDED_AT, at.plusMinutes(5)).set(USER_SESSION.IP, InetAddress.getByName(ip).getAddress())
                    .set(USER_SESSION.USER_AGENT, agent).set(USER_SESSION.DEVICE_TYPE, "desktop").set(USER_SESSION.BROWSER, "Chrome")
                    .set(USER_SESSION.OS, "Windows 11").set(USER_SESSION.COUNTRY_CODE, country).set(USER_SESSION.REGION, region).execute();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    void usage(long user, LocalDateTime at, String model, long tokens, String status, int count) {
        var rows = new java.util.ArrayList<org.jooq.Query>();
        for (int i = 0; i < count; i++) {
            rows.add(dsl.insertInto(USAGE_EVENT).set(USAGE_EVENT.OCCURRED_AT, at.plusNanos(i * 1_000_000L)).set(USAGE_EVENT.USER_ID, user)
                    .set(USAGE_EVENT.PROVIDER, "anthropic").set(USAGE_EVENT.MODEL, model).set(USAGE_EVENT.FEATURE, "chat")
                    .set(USAGE_EVENT.INPUT_TOKENS, 100).set(USAGE_EVENT.OUTPUT_TOKENS, 100).set(USAGE_EVENT.TOKENS_CHARGED, tokens)
                    .set(USAGE_EVENT.LATENCY_MS, 500).set(USAGE_EVENT.STATUS, status));
        }
        for (int i = 0; i < rows.size(); i += 500) {
            dsl.batch(rows.subList(i, Math.min(rows.size(), i + 500))).execute();
        }
    }

    /** A ledger row with its balance kept equal to the sum of the ledger, as the nightly check expects. */
    long ledger(long user, long delta, String kind, String reference, LocalDateTime at) {
        Long current = dsl.select(TOKEN_BALANCE.BALANCE).from(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.eq(user)).fetchOne(TOKEN_BALANCE.BALANCE);
        long after = (current == null ? 0 : current) + delta;
        dsl.insertInto(TOKEN_BALANCE).set(TOKEN_BALANCE.USER_ID, user).set(TOKEN_BALANCE.BALANCE, after)
                .set(TOKEN_BALANCE.UPDATED_AT, at).onDuplicateKeyUpdate().set(TOKEN_BALANCE.BALANCE, after).execute();
        return dsl.insertInto(TOKEN_LEDGER).set(TOKEN_LEDGER.USER_ID, user).set(TOKEN_LEDGER.DELTA, delta)
                .set(TOKEN_LEDGER.BALANCE_AFTER, after).set(TOKEN_LEDGER.KIND, kind).set(TOKEN_LEDGER.REFERENCE, reference)
                .set(TOKEN_LEDGER.ACTOR, "test").set(TOKEN_LEDGER.IDEMPOTENCY_KEY, "abuse-test:" + UUID.randomUUID())
                .set(TOKEN_LEDGER.CREATED_AT, at).returningResult(TOKEN_LEDGER.ID).fetchSingle().value1();
    }

    /** An applied goodwill credit by {@code staff}, with its ledger row. */
    void goodwill(String staff, long user, long tokens, LocalDateTime at) {
        long entry = ledger(user, tokens, "adjustment", "goodwill", at);
        dsl.insertInto(TOKEN_ADJUSTMENT).set(TOKEN_ADJUSTMENT.USER_ID, user).set(TOKEN_ADJUSTMENT.DELTA, tokens)
                .set(TOKEN_ADJUSTMENT.REASON_CODE, "goodwill").set(TOKEN_ADJUSTMENT.COMMENT, "test")
                .set(TOKEN_ADJUSTMENT.STATUS, "applied").set(TOKEN_ADJUSTMENT.REQUESTED_BY, staff)
                .set(TOKEN_ADJUSTMENT.REQUESTED_AT, at).set(TOKEN_ADJUSTMENT.LEDGER_ENTRY_ID, entry).execute();
    }

    void referredBy(long user, long referrer) {
        dsl.update(APP_USER).set(APP_USER.REFERRED_BY, referrer).where(APP_USER.ID.eq(user)).execute();
    }

    /** Flags of {@code rule} about the user, by episode. */
    List<String> flags(String rule, long user) {
        return dsl.select(ABUSE_FLAG.EPISODE).from(ABUSE_FLAG)
                .where(ABUSE_FLAG.RULE_CODE.eq(rule).and(ABUSE_FLAG.SUBJECT_KEY.eq("u:" + user))).fetch(ABUSE_FLAG.EPISODE);
    }

    List<String> staffFlags(String rule, String staff) {
        return dsl.select(ABUSE_FLAG.EPISODE).from(ABUSE_FLAG)
                .where(ABUSE_FLAG.RULE_CODE.eq(rule).and(ABUSE_FLAG.SUBJECT_KEY.eq("s:" + staff))).fetch(ABUSE_FLAG.EPISODE);
    }

    int hits(String rule, long user) {
        return dsl.select(org.jooq.impl.DSL.sum(ABUSE_FLAG.HITS)).from(ABUSE_FLAG)
                .where(ABUSE_FLAG.RULE_CODE.eq(rule).and(ABUSE_FLAG.SUBJECT_KEY.eq("u:" + user))).fetchOne(0, Integer.class);
    }
}

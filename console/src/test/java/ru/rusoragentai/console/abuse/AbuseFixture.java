package ru.rusoragentai.console.abuse;

import static ru.rusoragentai.db.Tables.ABUSE_FLAG;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.TOKEN_ADJUSTMENT;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.TestData;

/** Crafted platform rows for abuse tests: sessions, usage, ledger rows and adjustments at chosen times. */
public final class AbuseFixture {

    private final DSLContext dsl;
    private final PlatformRows rows;

    public AbuseFixture(DSLContext dsl) {
        this.dsl = dsl;
        this.rows = new PlatformRows(dsl);
    }

    public long user(String name, LocalDateTime created) {
        long id = TestData.insertUser(dsl, name);
        dsl.update(APP_USER).set(APP_USER.CREATED_AT, created).where(APP_USER.ID.eq(id)).execute();
        return id;
    }

    /** A /24 no other test uses: 10.x.y.0 with random x and y. */
    public static String network() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 255) + "." + r.nextInt(0, 255) + ".";
    }

    public void session(long user, LocalDateTime at, String ip, String country, String region) {
        session(user, at, ip, "Mozilla/5.0 test " + UUID.randomUUID(), country, region);
    }

    public void session(long user, LocalDateTime at, String ip, String agent, String country, String region) {
        rows.session(user, at, ip).endedAt(at.plusMinutes(5)).agent(agent).place(country, region).insert();
    }

    public void usage(long user, LocalDateTime at, String model, long tokens, String status, int count) {
        var events = new java.util.ArrayList<PlatformRows.Usage>();
        for (int i = 0; i < count; i++) {
            events.add(rows.usage(user, at.plusNanos(i * 1_000_000L)).model(model).tokens(100, 100).charged(tokens).latency(500)
                    .status(status));
        }
        rows.insertAll(events);
    }

    /** A ledger row with its balance kept equal to the sum of the ledger, as the nightly check expects. */
    public long ledger(long user, long delta, String kind, String reference, LocalDateTime at) {
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
    public void goodwill(String staff, long user, long tokens, LocalDateTime at) {
        long entry = ledger(user, tokens, "adjustment", "goodwill", at);
        dsl.insertInto(TOKEN_ADJUSTMENT).set(TOKEN_ADJUSTMENT.USER_ID, user).set(TOKEN_ADJUSTMENT.DELTA, tokens)
                .set(TOKEN_ADJUSTMENT.REASON_CODE, "goodwill").set(TOKEN_ADJUSTMENT.COMMENT, "test")
                .set(TOKEN_ADJUSTMENT.STATUS, "applied").set(TOKEN_ADJUSTMENT.REQUESTED_BY, staff)
                .set(TOKEN_ADJUSTMENT.REQUESTED_AT, at).set(TOKEN_ADJUSTMENT.LEDGER_ENTRY_ID, entry).execute();
    }

    public void referredBy(long user, long referrer) {
        dsl.update(APP_USER).set(APP_USER.REFERRED_BY, referrer).where(APP_USER.ID.eq(user)).execute();
    }

    /** Flags of {@code rule} about the user, by episode. */
    public List<String> flags(String rule, long user) {
        return dsl.select(ABUSE_FLAG.EPISODE).from(ABUSE_FLAG)
                .where(ABUSE_FLAG.RULE_CODE.eq(rule).and(ABUSE_FLAG.SUBJECT_KEY.eq("u:" + user))).fetch(ABUSE_FLAG.EPISODE);
    }

    public List<String> staffFlags(String rule, String staff) {
        return dsl.select(ABUSE_FLAG.EPISODE).from(ABUSE_FLAG)
                .where(ABUSE_FLAG.RULE_CODE.eq(rule).and(ABUSE_FLAG.SUBJECT_KEY.eq("s:" + staff))).fetch(ABUSE_FLAG.EPISODE);
    }

    public int hits(String rule, long user) {
        return dsl.select(org.jooq.impl.DSL.sum(ABUSE_FLAG.HITS)).from(ABUSE_FLAG)
                .where(ABUSE_FLAG.RULE_CODE.eq(rule).and(ABUSE_FLAG.SUBJECT_KEY.eq("u:" + user))).fetchOne(0, Integer.class);
    }
}

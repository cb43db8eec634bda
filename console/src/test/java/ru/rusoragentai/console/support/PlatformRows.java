package ru.rusoragentai.console.support;

import static ru.rusoragentai.db.Tables.CONVERSATION;
import static ru.rusoragentai.db.Tables.CONVERSATION_MESSAGE;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;
import static ru.rusoragentai.db.Tables.USER_SESSION;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * The platform's own rows as tests plant them: usage events, sign-in sessions, payments and conversations. Every column a
 * test does not care about has a plain default; a test names only what it is about, e.g.
 * {@code rows.usage(user, at).model("gpt-5").charged(1_000).insert()}.
 */
public final class PlatformRows {

    private final DSLContext dsl;

    public PlatformRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A usage event: anthropic, claude-haiku-4-5, chat, 10 tokens in and 5 out, 1 charged, 100 ms, ok. */
    public Usage usage(long user, LocalDateTime at) {
        return new Usage(user, at);
    }

    /** Inserts many events in batches of 500. */
    public void insertAll(List<Usage> events) {
        List<Query> queries = events.stream().map(Usage::query).toList();
        for (int i = 0; i < queries.size(); i += 500) {
            dsl.batch(queries.subList(i, Math.min(queries.size(), i + 500))).execute();
        }
    }

    /** A sign-in session from {@code ip}: desktop, Chrome, Windows 11, no agent, country and region unknown. */
    public Session session(long user, LocalDateTime at, String ip) {
        return new Session(user, at, ip);
    }

    /** A succeeded Tribute payment of 499.00 RUB for 100,000 tokens, paid at {@code at}; returns nothing, the id is yours. */
    public void payment(long user, String externalId, LocalDateTime at) {
        dsl.insertInto(PAYMENT)
                .set(PAYMENT.CHANNEL, "pay-tribute").set(PAYMENT.EXTERNAL_ID, externalId).set(PAYMENT.USER_ID, user)
                .set(PAYMENT.AMOUNT_MINOR, 49_900L).set(PAYMENT.CURRENCY, "RUB").set(PAYMENT.TOKENS, 100_000L)
                .set(PAYMENT.STATUS, "succeeded").set(PAYMENT.PAID_AT, at).set(PAYMENT.CREATED_AT, at).set(PAYMENT.UPDATED_AT, at)
                .execute();
    }

    /** A conversation created and last updated at {@code at}, without a title; returns its id. */
    public long conversation(long user, String model, LocalDateTime at, byte[] titleEncrypted) {
        return dsl.insertInto(CONVERSATION).set(CONVERSATION.USER_ID, user).set(CONVERSATION.MODEL, model)
                .set(CONVERSATION.TITLE_ENC, titleEncrypted).set(CONVERSATION.CREATED_AT, at).set(CONVERSATION.UPDATED_AT, at)
                .returningResult(CONVERSATION.ID).fetchSingle().value1();
    }

    /** A message of a conversation, its content already encrypted. */
    public void message(long conversation, String role, byte[] contentEncrypted, int tokens, LocalDateTime at) {
        dsl.insertInto(CONVERSATION_MESSAGE).set(CONVERSATION_MESSAGE.CONVERSATION_ID, conversation)
                .set(CONVERSATION_MESSAGE.ROLE, role).set(CONVERSATION_MESSAGE.CONTENT_ENC, contentEncrypted)
                .set(CONVERSATION_MESSAGE.TOKENS, tokens).set(CONVERSATION_MESSAGE.CREATED_AT, at).execute();
    }

    static byte[] address(String ip) {
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    /** One usage event to insert; each setter changes one column. */
    public final class Usage {
        private final long user;
        private final LocalDateTime at;
        private String provider = "anthropic";
        private String model = "claude-haiku-4-5";
        private String feature = "chat";
        private int input = 10;
        private int output = 5;
        private long charged = 1;
        private int latency = 100;
        private String status = "ok";
        private Long session;
        private byte[] ip;

        private Usage(long user, LocalDateTime at) {
            this.user = user;
            this.at = at;
        }

        public Usage provider(String value) {
            provider = value;
            return this;
        }

        public Usage model(String value) {
            model = value;
            return this;
        }

        public Usage feature(String value) {
            feature = value;
            return this;
        }

        public Usage tokens(int in, int out) {
            input = in;
            output = out;
            return this;
        }

        public Usage charged(long value) {
            charged = value;
            return this;
        }

        public Usage latency(int millis) {
            latency = millis;
            return this;
        }

        public Usage status(String value) {
            status = value;
            return this;
        }

        public Usage session(Long id) {
            session = id;
            return this;
        }

        public Usage ip(String address) {
            ip = address(address);
            return this;
        }

        public void insert() {
            query().execute();
        }

        Query query() {
            return dsl.insertInto(USAGE_EVENT).set(USAGE_EVENT.OCCURRED_AT, at).set(USAGE_EVENT.USER_ID, user)
                    .set(USAGE_EVENT.SESSION_ID, session).set(USAGE_EVENT.PROVIDER, provider).set(USAGE_EVENT.MODEL, model)
                    .set(USAGE_EVENT.FEATURE, feature).set(USAGE_EVENT.INPUT_TOKENS, input).set(USAGE_EVENT.OUTPUT_TOKENS, output)
                    .set(USAGE_EVENT.TOKENS_CHARGED, charged).set(USAGE_EVENT.LATENCY_MS, latency).set(USAGE_EVENT.STATUS, status)
                    .set(USAGE_EVENT.IP, ip);
        }
    }

    /** One sign-in session to insert; each setter changes one column. */
    public final class Session {
        private final long user;
        private final LocalDateTime at;
        private final byte[] ip;
        private LocalDateTime ended;
        private String agent;
        private String device = "desktop";
        private String browser = "Chrome";
        private String os = "Windows 11";
        private String country;
        private String region;

        private Session(long user, LocalDateTime at, String ip) {
            this.user = user;
            this.at = at;
            this.ip = address(ip);
        }

        public Session endedAt(LocalDateTime value) {
            ended = value;
            return this;
        }

        public Session agent(String value) {
            agent = value;
            return this;
        }

        public Session device(String type, String browserName, String osName) {
            device = type;
            browser = browserName;
            os = osName;
            return this;
        }

        public Session place(String countryCode, String regionName) {
            country = countryCode;
            region = regionName;
            return this;
        }

        /** Inserts the session; returns its id. */
        public long insert() {
            return dsl.insertInto(USER_SESSION).set(USER_SESSION.USER_ID, user).set(USER_SESSION.STARTED_AT, at)
                    .set(USER_SESSION.ENDED_AT, ended).set(USER_SESSION.IP, ip).set(USER_SESSION.USER_AGENT, agent)
                    .set(USER_SESSION.DEVICE_TYPE, device).set(USER_SESSION.BROWSER, browser).set(USER_SESSION.OS, os)
                    .set(USER_SESSION.COUNTRY_CODE, country).set(USER_SESSION.REGION, region)
                    .returningResult(USER_SESSION.ID).fetchSingle().value1();
        }
    }
}

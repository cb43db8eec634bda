package ru.rusoragentai.console.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rusoragentai.console.crypto.SecretCipher;

/**
 * Fills an empty database with realistic, deterministic demo data (same seed, same data, except
 * for times, which are relative to now). Users are written in chunks; within a chunk every table is
 * loaded with large multi-row INSERTs. Balances are computed here as the running sum of the ledger
 * rows written, so balance = sum(ledger) holds by construction.
 */
final class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    private static final int CHUNK_USERS = 1_000;
    private static final int ROWS_PER_STATEMENT = 500;
    static final String SHARED_IP = DemoPlants.SHARED_IP;
    static final String SPIKE_USERNAME = DemoPlants.SPIKE_USERNAME;
    static final String REFUND_USERNAME = DemoPlants.REFUND_USERNAME;
    static final String HEAVY_USERNAME = DemoPlants.HEAVY_USERNAME;
    static final int SHARED_IP_ACCOUNTS = DemoPlants.SHARED_IP_ACCOUNTS;

    private final DemoDataProperties properties;
    private final SecretCipher cipher;
    private final Clock clock;
    private final SplittableRandom random;
    private final LocalDateTime now;
    private final LocalDateTime start;
    private final double eventsPerUser;
    private long sessionId;
    private long conversationId;
    private final DemoLedger ledger = new DemoLedger();
    private final DemoPayments payments;
    private final DemoPersonas personas;
    private final long[] counts = new long[9];

    DemoDataGenerator(DemoDataProperties properties, SecretCipher cipher, Clock clock) {
        this.properties = properties;
        this.cipher = cipher;
        this.clock = clock;
        this.random = new SplittableRandom(properties.seed());
        this.now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        this.start = LocalDate.now(clock).withDayOfMonth(1).minusMonths(13).atStartOfDay();
        this.eventsPerUser = (double) properties.effectiveUsageEvents() / properties.users();
        this.payments = new DemoPayments(random, now, ledger);
        this.personas = new DemoPersonas(random, now, start);
    }

    /** Loads everything; returns row counts per table in the order of {@link #TABLES}. */
    long[] generate(Connection connection) throws SQLException {
        long began = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        try (var session = connection.createStatement()) {
            session.execute("SET foreign_key_checks = 0, unique_checks = 0");
        }
        // one commit per chunk of users: a commit per statement would make the load wait on fsync
        connection.setAutoCommit(false);
        try (DemoLoaders loaders = new DemoLoaders(connection, ROWS_PER_STATEMENT)) {
            int users = properties.users();
            for (int first = 1; first <= users; first += CHUNK_USERS) {
                int last = Math.min(users, first + CHUNK_USERS - 1);
                for (int id = first; id <= last; id++) {
                    writeUser(loaders, id, users);
                }
                loaders.flushAll();
                connection.commit();
                progress(began, last, users);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
            try (var session = connection.createStatement()) {
                session.execute("SET foreign_key_checks = 1, unique_checks = 1");
            }
        }
        return counts.clone();
    }

    /** Today's purchases the load held back, for {@link DemoWebhooks} to deliver through the webhook inbox. */
    List<DemoWebhooks.Purchase> todaysPurchases() {
        return payments.todays();
    }

    static final List<String> TABLES = List.of("app_user", "user_session", "usage_event", "payment", "token_ledger",
            "token_balance", "conversation", "conversation_message", "token_adjustment");

    private void progress(long began, int done, int users) {
        double seconds = (System.nanoTime() - began) / 1e9;
        long rows = Arrays.stream(counts).sum();
        if (done == users || done % 10_000 == 0 || users <= 10_000 && done % 1_000 == 0) {
            log.info("demo data: {}/{} users, {} usage events, {} rows in all, {} rows/s", done, users, counts[2], rows,
                    Math.round(rows / Math.max(seconds, 0.001)));
        }
    }

    private void writeUser(DemoLoaders out, int id, int users) throws SQLException {
        DemoPersonas.Persona persona = personas.next(id, users);
        LocalDateTime created = persona.created();
        byte[][] ips = sessionIps(persona);
        LocalDateTime lastSeen = created;

        DemoCatalog.Place home = pick(DemoCatalog.PLACES);
        for (byte[] ip : ips) {
            LocalDateTime started = between(created, now);
            lastSeen = max(lastSeen, started);
            writeSession(out, id, started, ip, random.nextInt(10) == 0 ? pick(DemoCatalog.PLACES) : home);
        }
        if (DemoPlants.TRAVELLER.equals(persona.planted())) {
            writeSession(out, id, now.minusHours(3), ips[0], new DemoCatalog.Place("RU", "Moscow"));
            writeSession(out, id, now.minusHours(2), randomIp(), new DemoCatalog.Place("US", "California"));
            lastSeen = max(lastSeen, now.minusHours(2));
        }
        long[] monthlyCharge = new long[14];
        LocalDateTime lastEvent = writeUsage(out, id, persona, ips, monthlyCharge);
        lastSeen = max(lastSeen, lastEvent);

        out.users.add(id, persona.username(), persona.displayName(), persona.email(), persona.telegramId(), "active",
                ts(created), ts(lastSeen), persona.retentionDays(), persona.cyrillic() ? "ru" : "en", "system",
                persona.birthYear(), persona.possibleMinor(), false, false, 0,
                DemoPlants.farmed(persona.planted()) ? (long) DemoPlants.FARM_BOSS_ID : null);
        counts[0]++;

        ledger.begin();
        ledger.add(created, 10_000, "bonus", "signup", "Welcome bonus");
        plantedGrants(id, users, persona);
        counts[3] += payments.write(out.payments, id, persona.telegramId(), persona.planted(), created);
        ledger.debitUsage(monthlyCharge, start, now);
        out.balances.add(id, ledger.write(out, id, counts), ts(now));
        counts[5]++;
        if (random.nextInt(5) == 0 || persona.planted() != null) {
            writeConversations(out, id, created);
        }
    }

    private byte[][] sessionIps(DemoPersonas.Persona persona) {
        int sessions = 1 + random.nextInt(4);
        byte[][] ips = new byte[sessions][];
        for (int i = 0; i < sessions; i++) {
            ips[i] = "shared_ip".equals(persona.planted()) ? ip(SHARED_IP) : randomIp();
        }
        return ips;
    }

    private void writeSession(DemoLoaders out, long userId, LocalDateTime started, byte[] ip, DemoCatalog.Place place)
            throws SQLException {
        String device = pick(DemoCatalog.DEVICES);
        String os = "desktop".equals(device) ? pick(DemoCatalog.DESKTOP_OS) : pick(DemoCatalog.MOBILE_OS);
        String browser = pick(DemoCatalog.BROWSERS);
        String agent = "Mozilla/5.0 (" + os + ") " + browser.replace(' ', '/') + "/" + (100 + random.nextInt(40));
        out.sessions.add(++sessionId, userId, ts(started), ts(started.plusMinutes(2 + random.nextInt(180))), ip, agent,
                device, browser, os, place.country(), place.region());
        counts[1]++;
    }

    private LocalDateTime writeUsage(DemoLoaders out, long userId, DemoPersonas.Persona persona, byte[][] ips, long[] monthlyCharge)
            throws SQLException {
        long events = Math.round(-Math.log(1 - random.nextDouble()) * eventsPerUser);
        if (HEAVY_USERNAME.equals(persona.planted())) {
            events += properties.heavyUserEvents();
        }
        LocalDateTime last = persona.created();
        DemoCatalog.Model favourite = pick(DemoCatalog.MODELS);
        for (long i = 0; i < events; i++) {
            LocalDateTime at = between(persona.created(), now);
            last = max(last, at);
            writeEvent(out, userId, at, random.nextInt(3) == 0 ? pick(DemoCatalog.MODELS) : favourite, ips, monthlyCharge);
        }
        DemoCatalog.Model dearest = DemoCatalog.MODELS.get(2);
        if (SPIKE_USERNAME.equals(persona.planted())) {
            for (int i = 0; i < 600; i++) {
                LocalDateTime at = now.minusSeconds(random.nextInt(3600));
                last = max(last, at);
                writeEvent(out, userId, at, dearest, ips, monthlyCharge);
            }
        }
        if (DemoPlants.lockstep(persona.planted())) {
            for (int i = 1; i <= 40; i++) {
                LocalDateTime at = now.minusSeconds(i * 73L);
                last = max(last, at);
                writeEvent(out, userId, at, favourite, ips, monthlyCharge);
            }
        }
        if (DemoPlants.farmed(persona.planted()) || DemoPlants.FARM_BOSS.equals(persona.planted())) {
            int burst = DemoPlants.FARM_BOSS.equals(persona.planted()) ? 150 : 40;
            for (int i = 0; i < burst; i++) {
                LocalDateTime at = now.minusMinutes(10 + random.nextInt(4 * 24 * 60));
                last = max(last, at);
                writeEvent(out, userId, at, dearest, ips, monthlyCharge);
            }
        }
        return last;
    }

    private void writeEvent(DemoLoaders out, long userId, LocalDateTime at, DemoCatalog.Model model, byte[][] ips,
                            long[] monthlyCharge) throws SQLException {
        int input = 200 + random.nextInt(6_000);
        int output = 100 + random.nextInt(3_000);
        int roll = random.nextInt(100);
        String status = roll < 97 ? "ok" : roll < 99 ? "error" : "rate_limited";
        long charged = "ok".equals(status)
                ? (input * (long) model.tokensPerMillionInput() + output * (long) model.tokensPerMillionOutput()) / 1_000_000 + 1
                : 0;
        out.events.add(ts(at), userId, null, model.provider(), model.model(), pick(DemoCatalog.FEATURES), input, output,
                charged, 300 + random.nextInt(9_000), status, ips[random.nextInt(ips.length)]);
        monthlyCharge[(int) Math.min(13, ChronoUnit.MONTHS.between(start.toLocalDate().withDayOfMonth(1), at.toLocalDate().withDayOfMonth(1)))] += charged;
        counts[2]++;
    }

    /** The farm boss's referral bonuses and the goodwill credits staff (and the insider) granted this user. */
    private void plantedGrants(int id, int users, DemoPersonas.Persona persona) {
        if (DemoPlants.FARM_BOSS.equals(persona.planted())) {
            for (int referred = DemoPlants.FARMED_FIRST; referred <= DemoPlants.FARMED_LAST; referred++) {
                ledger.add(now.minusDays(3).plusMinutes(referred), DemoPlants.REFERRAL_BONUS, "bonus", "referral:" + referred,
                        "Referral bonus");
            }
        }
        String staff = DemoPlants.goodwillFrom(id, users);
        if (staff != null) {
            long tokens = DemoPlants.INSIDER.equals(staff) ? 25_000 : 1_000 + random.nextInt(4_000);
            LocalDateTime at = now.minusDays(1 + random.nextInt(20));
            ledger.addGoodwill(at, tokens, "Slow answers last week", staff);
        }
    }

    private void writeConversations(DemoLoaders out, long userId, LocalDateTime created) throws SQLException {
        int conversations = 1 + random.nextInt(3);
        for (int c = 0; c < conversations; c++) {
            LocalDateTime at = between(created, now);
            DemoCatalog.Model model = pick(DemoCatalog.MODELS);
            String prompt = pick(DemoCatalog.PROMPTS);
            out.conversations.add(++conversationId, userId, model.model(), cipher.encryptString(prompt), ts(at), ts(at));
            counts[6]++;
            int messages = 2 + random.nextInt(5);
            for (int m = 0; m < messages; m++) {
                boolean user = m % 2 == 0;
                String text = user ? (m == 0 ? prompt : "Thanks, and what about edge cases?") : "Here is a detailed answer (" + (200 + random.nextInt(800)) + " tokens).";
                out.messages.add(conversationId, user ? "user" : "assistant", cipher.encryptString(text),
                        50 + random.nextInt(900), ts(at.plusSeconds(m * 30L)));
                counts[7]++;
            }
        }
    }

    private <T> T pick(List<T> values) {
        return DemoPersonas.pick(random, values);
    }

    private LocalDateTime between(LocalDateTime from, LocalDateTime to) {
        return DemoPersonas.between(random, from, to);
    }

    private byte[] randomIp() {
        if (random.nextInt(20) == 0) {
            byte[] v6 = new byte[16];
            random.nextBytes(v6);
            v6[0] = 0x2a;
            v6[1] = 0x02;
            return v6;
        }
        return new byte[] {(byte) (5 + random.nextInt(180)), (byte) random.nextInt(256), (byte) random.nextInt(256),
                (byte) (1 + random.nextInt(254))};
    }

    static byte[] ip(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static Timestamp ts(LocalDateTime time) {
        return time == null ? null : Timestamp.valueOf(time);
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}

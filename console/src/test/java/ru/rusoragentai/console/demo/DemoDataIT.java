package ru.rusoragentai.console.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.CONVERSATION_MESSAGE;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;
import static ru.rusoragentai.db.Tables.USER_SESSION;

import java.time.LocalDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestDatabase;
import ru.rusoragentai.console.tokens.TokenLedgerService;
import ru.rusoragentai.console.support.TestClock;
import org.springframework.context.annotation.Import;
import ru.rusoragentai.console.support.TestClockConfiguration;

/** Demo data on its own empty database: invariants, planted patterns and determinism. */
@Import({TestClockConfiguration.class, DemoBeans.class})
@SpringBootTest(properties = {"console.demo.seed-on-empty=false", "console.jobs.enabled=false",
        "console.crypto.master-key=" + DatabaseTest.TEST_MASTER_KEY})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataIT {

    private static final String URL = TestDatabase.newDatabase("demo");
    private static final DemoDataProperties SMALL = new DemoDataProperties(400, 12_000, 0, 7);

    @Autowired
    DemoDataService demoData;
    @Autowired
    DSLContext dsl;
    @Autowired
    TokenLedgerService ledger;
    @Autowired
    SecretCipher cipher;
    @Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy securityContexts;

    private Map<String, Long> counts;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, URL);
        // the bundled plugins, pay-tribute among them: today's demo purchases arrive through its webhook intake
        registry.add("console.plugins.dir", () -> ru.rusoragentai.console.support.TestPlugins.sharedDir().toString());
    }

    @BeforeAll
    void generate() {
        counts = demoData.generateIfEmpty(SMALL);
    }

    /** Signs in on this thread with one role; the caller clears the context when done. */
    private void signIn(String username, Role role) {
        var context = securityContexts.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(username, "n/a",
                java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(role.authority()))));
        securityContexts.setContext(context);
    }

    @Test
    void shouldFillEveryPlatformTable() {
        assertThat(counts.get("app_user")).isEqualTo(400);
        assertThat(counts.get("usage_event")).isBetween(10_000L, 15_000L);
        assertThat(counts).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        assertThat(dsl.fetchCount(USAGE_EVENT)).isEqualTo(counts.get("usage_event").intValue());
    }

    @Test
    void shouldKeepEveryBalanceEqualToTheSumOfItsLedger() {
        signIn("t", Role.ADMIN);
        try {
            assertThat(ledger.findDiscrepancies()).isEmpty();
        } finally {
            securityContexts.clearContext();
        }
        assertThat(dsl.fetchCount(ru.rusoragentai.db.Tables.TOKEN_BALANCE, ru.rusoragentai.db.Tables.TOKEN_BALANCE.BALANCE.lt(0L))).isZero();
    }

    @Test
    void shouldWriteEachLedgerInTimeOrderWithItsRunningBalance() {
        var l = ru.rusoragentai.db.Tables.TOKEN_LEDGER;
        Map<Long, Long> running = new java.util.HashMap<>();
        Map<Long, java.time.LocalDateTime> last = new java.util.HashMap<>();
        dsl.selectFrom(l).orderBy(l.USER_ID, l.ID).fetch().forEach(row -> {
            long balance = running.merge(row.getUserId(), row.getDelta(), Long::sum);
            assertThat(row.getBalanceAfter()).as("balance after ledger row %d", row.getId()).isEqualTo(balance).isNotNegative();
            java.time.LocalDateTime previous = last.put(row.getUserId(), row.getCreatedAt());
            assertThat(previous == null || !row.getCreatedAt().isBefore(previous)).as("ledger row %d in time order", row.getId()).isTrue();
        });
        assertThat(running).hasSize(400);
    }

    @Test
    void shouldDeliverTodaysPurchasesThroughTheWebhookInbox() {
        var inbox = ru.rusoragentai.db.Tables.WEBHOOK_INBOX;
        java.time.LocalDateTime today = TestClock.today().atStartOfDay();
        int applied = dsl.fetchCount(inbox, inbox.STATUS.eq("applied"));
        assertThat(applied).as("today's purchases, applied from signed deliveries").isPositive()
                .isEqualTo(counts.get("webhook_inbox.applied").intValue());
        assertThat(dsl.fetchCount(PAYMENT, PAYMENT.PAID_AT.ge(today).and(PAYMENT.CHANNEL.eq("pay-tribute"))
                .and(PAYMENT.EXTERNAL_ID.in(dsl.select(inbox.EXTERNAL_ID).from(inbox).where(inbox.STATUS.eq("applied"))))))
                .as("each applied delivery made a payment of today").isEqualTo(applied);
        assertThat(dsl.fetchCount(PAYMENT, PAYMENT.PAID_AT.ge(today).and(PAYMENT.STATUS.eq("succeeded")))).as("no purchase of today bypassed the inbox")
                .isEqualTo(applied);
        assertThat(counts).containsEntry("webhook_inbox.duplicate", 1L).containsEntry("webhook_inbox.rejected", 1L)
                .containsEntry("webhook_inbox.unmatched", 2L);
        assertThat(dsl.fetchCount(inbox, inbox.STATUS.eq("unmatched"))).as("parked for replay").isEqualTo(2);
    }

    @Test
    void shouldPriceEveryModelTheDemoChargesFor() {
        assertThat(dsl.select(ru.rusoragentai.db.Tables.MODEL_PRICE.MODEL).from(ru.rusoragentai.db.Tables.MODEL_PRICE).fetch(0, String.class))
                .as("Models & routing has the platform's prices on a fresh start, before any provider key is set")
                .containsExactlyInAnyOrderElementsOf(DemoCatalog.MODELS.stream().map(DemoCatalog.Model::model).toList());
    }

    @Test
    void shouldLookRealistic() {
        assertThat(dsl.fetchCount(APP_USER, APP_USER.DISPLAY_NAME.likeRegex("[А-Яа-яЁё]"))).isPositive();
        assertThat(dsl.fetchCount(APP_USER, APP_USER.DISPLAY_NAME.likeRegex("^[A-Za-z ]+$"))).isPositive();
        assertThat(dsl.fetchCount(APP_USER, APP_USER.EMAIL.isNotNull())).isBetween(80, 240);
        assertThat(dsl.fetchCount(USER_SESSION, USER_SESSION.DEVICE_TYPE.isNull().or(USER_SESSION.BROWSER.isNull())
                .or(USER_SESSION.OS.isNull()).or(USER_SESSION.COUNTRY_CODE.isNull()))).isZero();
        assertThat(dsl.selectDistinct(USAGE_EVENT.PROVIDER).from(USAGE_EVENT).fetch(r -> r.value1()))
                .containsExactlyInAnyOrder("anthropic", "openai", "google");
        LocalDateTime oldest = dsl.select(DSL.min(USAGE_EVENT.OCCURRED_AT)).from(USAGE_EVENT).fetchSingle().value1();
        assertThat(oldest).isBefore(TestClock.now().minusMonths(12));
        assertThat(dsl.selectDistinct(PAYMENT.CHANNEL).from(PAYMENT).fetch(r -> r.value1())).containsExactly("pay-tribute");
        byte[] message = dsl.select(CONVERSATION_MESSAGE.CONTENT_ENC).from(CONVERSATION_MESSAGE).limit(1).fetchSingle().value1();
        assertThat(cipher.decryptString(message)).isNotBlank();
    }

    @Test
    void shouldPlantTheAbusePatternsAndPossibleMinors() {
        byte[] sharedIp = DemoDataGenerator.ip(DemoDataGenerator.SHARED_IP);
        int sharedIpUsers = dsl.fetchCount(dsl.selectDistinct(USER_SESSION.USER_ID).from(USER_SESSION).where(USER_SESSION.IP.eq(sharedIp)));
        assertThat(sharedIpUsers).isEqualTo(DemoDataGenerator.SHARED_IP_ACCOUNTS);

        long spikeUser = userId(DemoDataGenerator.SPIKE_USERNAME);
        assertThat(dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.USER_ID.eq(spikeUser)
                .and(USAGE_EVENT.OCCURRED_AT.gt(TestClock.now().minusHours(2))))).isGreaterThanOrEqualTo(600);

        long refunder = userId(DemoDataGenerator.REFUND_USERNAME);
        assertThat(dsl.fetchCount(PAYMENT, PAYMENT.USER_ID.eq(refunder).and(PAYMENT.STATUS.in("refunded", "charged_back"))))
                .isGreaterThanOrEqualTo(3);

        assertThat(dsl.fetchCount(APP_USER, APP_USER.POSSIBLE_MINOR.isTrue())).isPositive();
    }

    @Autowired
    ru.rusoragentai.console.abuse.AbuseRuleService abuseRules;

    /** The README run's promise: the first evaluation finds every planted pattern and flags few ordinary users. */
    @Test
    void shouldFlagEveryPlantedPatternAndFewOrdinaryUsers() {
        signIn("op", Role.OPERATOR);
        try {
            assertThat(abuseRules.runNow(null)).allSatisfy(run -> assertThat(run.error()).as(run.rule()).isNull());
        } finally {
            securityContexts.clearContext();
        }
        var flags = ru.rusoragentai.db.Tables.ABUSE_FLAG;
        java.util.function.BiFunction<String, String, java.util.List<String>> rulesOf = (subjectKey, rule) ->
                dsl.select(flags.RULE_CODE).from(flags).where(flags.SUBJECT_KEY.eq(subjectKey).and(flags.RULE_CODE.eq(rule))).fetch(flags.RULE_CODE);
        assertThat(rulesOf.apply("u:" + userId(DemoPlants.SPIKE_USERNAME), "usage_spike")).isNotEmpty();
        assertThat(rulesOf.apply("u:" + userId(DemoPlants.SPIKE_USERNAME), "automation")).isNotEmpty();
        assertThat(rulesOf.apply("u:" + userId(DemoPlants.REFUND_USERNAME), "refunds")).isNotEmpty();
        assertThat(rulesOf.apply("u:" + userId(DemoPlants.TRAVELLER), "impossible_travel")).isNotEmpty();
        assertThat(rulesOf.apply("s:" + DemoPlants.INSIDER, "insider")).isNotEmpty();
        for (int id = DemoPlants.LOCKSTEP_FIRST; id <= DemoPlants.LOCKSTEP_LAST; id++) {
            assertThat(rulesOf.apply("u:" + id, "lockstep")).as("scripted account " + id).isNotEmpty();
        }
        for (int id = DemoPlants.FARM_BOSS_ID; id <= DemoPlants.FARMED_LAST; id++) {
            assertThat(rulesOf.apply("u:" + id, "bonus_farming")).as("farm account " + id).isNotEmpty();
        }
        for (int id = 400 - DemoPlants.SHARED_IP_ACCOUNTS + 1; id <= 400; id++) {
            assertThat(rulesOf.apply("u:" + id, "multi_account")).as("ring account " + id).isNotEmpty();
        }
        for (String staff : DemoPlants.STAFF) {
            assertThat(rulesOf.apply("s:" + staff, "insider")).as(staff).isEmpty();
        }
        assertThat(dsl.fetchCount(flags, flags.RULE_CODE.eq("possible_minor"))).isEqualTo(dsl.fetchCount(APP_USER, APP_USER.POSSIBLE_MINOR.isTrue()));

        int ordinary = 0;
        int ordinaryFlagged = 0;
        for (int id = 1; id <= 400; id++) {
            if (DemoPlants.role(id, 400) == null) {
                ordinary++;
                ordinaryFlagged += dsl.fetchCount(flags, flags.USER_ID.eq((long) id).and(flags.RULE_CODE.ne("possible_minor"))) > 0 ? 1 : 0;
            }
        }
        assertThat(ordinaryFlagged).as("ordinary users flagged, of " + ordinary).isLessThanOrEqualTo(ordinary * 2 / 100);
    }

    @Test
    void shouldProduceTheSameDataForTheSameSeed() throws Exception {
        String otherUrl = TestDatabase.newDatabase("demo_again");
        org.flywaydb.core.Flyway.configure().dataSource(otherUrl, TestDatabase.user(), TestDatabase.password()).load().migrate();
        try (var connection = java.sql.DriverManager.getConnection(otherUrl, TestDatabase.user(), TestDatabase.password())) {
            try (var statement = connection.createStatement()) {
                statement.execute("ALTER TABLE usage_event ADD PARTITION (PARTITION p_all VALUES LESS THAN MAXVALUE)");
            }
            new DemoDataGenerator(SMALL, cipher, java.time.Clock.systemUTC()).generate(connection);
            DSLContext other = DSL.using(connection, org.jooq.SQLDialect.MARIADB);
            assertThat(fingerprint(other)).isEqualTo(fingerprint(dsl));
        }
    }

    private static String fingerprint(DSLContext context) {
        return context.select(DSL.field("MD5(GROUP_CONCAT(CONCAT_WS('|', id, username, display_name, IFNULL(email, ''), telegram_user_id) ORDER BY id SEPARATOR ','))", String.class))
                .from(APP_USER).fetchSingle().value1()
                + context.select(DSL.field("MD5(GROUP_CONCAT(CONCAT_WS('|', user_id, model, input_tokens, output_tokens) ORDER BY id SEPARATOR ','))", String.class))
                .from(USAGE_EVENT).fetchSingle().value1();
    }

    private long userId(String username) {
        return dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
    }
}

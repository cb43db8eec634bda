package ru.rusoragentai.console.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;
import static ru.rusoragentai.db.Tables.WEBHOOK_INBOX;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import java.time.Duration;
import ru.rusoragentai.console.plugins.PluginException;
import ru.rusoragentai.console.plugins.PendingSettingsChange;
import ru.rusoragentai.console.plugins.PluginState;
import ru.rusoragentai.console.plugins.SettingsApprovalService;
import ru.rusoragentai.console.plugins.SettingsSaved;
import ru.rusoragentai.console.plugins.broken.FlakyChannel;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestPlugins;
import ru.rusoragentai.console.plugins.PluginService;
import ru.rusoragentai.console.plugins.SettingsChange;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.PluginFixture;
import ru.rusoragentai.console.support.TestData;
import org.springframework.context.annotation.Import;
import ru.rusoragentai.console.support.TestClockConfiguration;

/** Tribute webhooks over real HTTP into the running console, through the bundled pay-tribute plugin. */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "console.demo.seed-on-empty=false",
        "console.crypto.master-key=" + DatabaseTest.TEST_MASTER_KEY,
        "console.plugins.call-timeout=2s",
        "console.jobs.enabled=false",
        "vaadin.launch-browser=false"})
class WebhookIntakeIT extends DatabaseTest {

    private static final String KEY = "tribute-test-api-key";
    private static final long PACK = 5_000;

    @LocalServerPort
    int port;

    @Autowired
    PluginService plugins;

    @Autowired
    WebhookIntakeService intake;


    @Autowired
    SettingsApprovalService approvals;

    @Autowired
    WebhookInboxRetention inboxRetention;

    private static final String FLAKY = "test-flaky";

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void configureTribute() {
        signInAs("operator", Role.OPERATOR);
        SettingsSaved saved = plugins.saveSettings("pay-tribute", new SettingsChange(
                Map.of("products", "digital:77 = " + PACK + " | Test pack"), Map.of("api-key", KEY), Set.of()));
        if (saved.pending()) {
            signInAs("second-admin", Role.ADMIN);
            approvals.approve(saved.pendingChangeId());
        }
        signOut();
    }

    @Test
    void shouldRejectWebhookWithForgedSignatureAndApplyNothing() throws Exception {
        long user = TestData.insertUser(dsl, "Forged");
        String body = purchase(TestData.telegramId(dsl, user), 1);

        HttpResponse<String> response = post("pay-tribute", body, sign(body, "not-the-key"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(balance(user)).isZero();
        assertThat(dsl.fetchCount(PAYMENT, PAYMENT.USER_ID.eq(user))).isZero();
        assertThat(lastInboxStatus()).isEqualTo("rejected");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void shouldCreditOnceWhenTheSameEventIsDeliveredTenTimes() throws Exception {
        long user = TestData.insertUser(dsl, "Ten times");
        String body = purchase(TestData.telegramId(dsl, user), purchaseId());
        List<String> statuses = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = post("pay-tribute", body, sign(body, KEY));
            assertThat(response.statusCode()).isEqualTo(200);
            statuses.add(statusOf(response));
        }

        assertThat(statuses.getFirst()).isEqualTo("applied");
        assertThat(statuses.subList(1, 10)).containsOnly("duplicate");
        assertThat(balance(user)).isEqualTo(PACK);
        assertThat(dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID.eq(user))).isEqualTo(1);
    }

    @Test
    void shouldCreditOnceWhenEightThreadsDeliverTheSameEventAtOnce() throws Exception {
        long user = TestData.insertUser(dsl, "Eight threads");
        String body = purchase(TestData.telegramId(dsl, user), purchaseId());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return post("pay-tribute", body, sign(body, KEY));
                }));
            }
            start.countDown();
            List<String> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                HttpResponse<String> response = future.get();
                assertThat(response.statusCode()).isEqualTo(200);
                statuses.add(statusOf(response));
            }
            assertThat(statuses).containsOnlyOnce("applied").filteredOn("duplicate"::equals).hasSize(7);
        }
        assertThat(balance(user)).isEqualTo(PACK);
        assertThat(dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID.eq(user))).isEqualTo(1);
        assertThat(dsl.fetchCount(PAYMENT, PAYMENT.USER_ID.eq(user))).isEqualTo(1);
    }

    @Test
    void shouldAnswer400ToASignedMalformedBody() throws Exception {
        String body = "{\"name\": \"new_digital_product\", \"payload\": ";

        HttpResponse<String> response = post("pay-tribute", body, sign(body, KEY));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(lastInboxStatus()).isEqualTo("malformed");
    }

    @Test
    void shouldParkAnUnknownUserAndApplyTheEventOnReplay() throws Exception {
        long telegramId = TestData.unusedTelegramId();
        String body = purchase(telegramId, purchaseId());

        HttpResponse<String> response = post("pay-tribute", body, sign(body, KEY));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(statusOf(response)).isEqualTo("unmatched");
        long inboxId = Long.parseLong(response.body().replaceAll(".*\"inbox\":(\\d+).*", "$1"));

        long user = TestData.insertUserWithTelegramId(dsl, "Signed up later", telegramId);
        signInAs("operator", Role.OPERATOR);
        IntakeResult replayed = intake.replay(inboxId);

        assertThat(replayed.status()).isEqualTo(InboxStatus.APPLIED);
        assertThat(balance(user)).isEqualTo(PACK);
        assertThat(dsl.select(WEBHOOK_INBOX.REPLAYED_BY).from(WEBHOOK_INBOX).where(WEBHOOK_INBOX.ID.eq(inboxId))
                .fetchSingle().value1()).isEqualTo("operator");
        assertThatThrownBy(() -> intake.replay(inboxId)).isInstanceOf(PluginException.class)
                .hasMessageContaining("only unmatched or failed ones can be replayed");
        assertThat(balance(user)).isEqualTo(PACK);
    }

    @Test
    void shouldDebitTheCreditedTokensOnARefundOnce() throws Exception {
        long user = TestData.insertUser(dsl, "Refunded");
        long purchase = purchaseId();
        String bought = purchase(TestData.telegramId(dsl, user), purchase);
        post("pay-tribute", bought, sign(bought, KEY));
        String refund = envelope("digital_product_refunded", TestData.telegramId(dsl, user), purchase);

        assertThat(statusOf(post("pay-tribute", refund, sign(refund, KEY)))).isEqualTo("applied");
        assertThat(statusOf(post("pay-tribute", refund, sign(refund, KEY)))).isEqualTo("duplicate");

        assertThat(balance(user)).isZero();
        assertThat(dsl.select(PAYMENT.STATUS).from(PAYMENT).where(PAYMENT.USER_ID.eq(user)).fetchSingle().value1())
                .isEqualTo("refunded");
    }

    @Test
    void shouldRefuseAnOversizedBodyWithoutReadingIt() throws Exception {
        String body = "{\"pad\": \"" + "x".repeat(300 * 1024) + "\"}";

        assertThat(post("pay-tribute", body, sign(body, KEY)).statusCode()).isEqualTo(413);
        assertThat(lastInboxStatus()).isEqualTo("rejected");
    }

    @Test
    void shouldAnswer404ForAChannelThatIsNotInstalled() throws Exception {
        assertThat(post("no-such-channel", "{}", "00").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldHoldDeliveriesWhileAChannelHangsAndApplyThemOnceItRecovers() throws Exception {
        long user = TestData.insertUser(dsl, "Held");
        long telegram = TestData.telegramId(dsl, user);
        withFlakyChannel(() -> {
            System.setProperty(FlakyChannel.MODE, "hang");
            List<Long> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = post(FLAKY, telegram + ":held-" + purchaseId() + ":100", "-");
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(statusOf(response)).isEqualTo("failed");
                held.add(inboxIdOf(response));
            }
            // the timeouts opened the breaker: the next delivery is held at once, without waiting on the plugin
            long began = System.nanoTime();
            HttpResponse<String> paused = post(FLAKY, telegram + ":held-" + purchaseId() + ":100", "-");
            assertThat((System.nanoTime() - began) / 1_000_000).isLessThan(1_000);
            assertThat(paused.statusCode()).isEqualTo(503);
            assertThat(paused.body()).contains("paused");
            held.add(inboxIdOf(paused));
            // the plugin was never marked failed: no one has to press Reload
            assertThat(PluginFixture.state(plugins, FLAKY)).isEqualTo(PluginState.STARTED);
            assertThat(intake.circuitState(FLAKY)).isEqualTo("open");

            System.setProperty(FlakyChannel.MODE, "ok");
            TestClock.get().advance(Duration.ofSeconds(31));
            HttpResponse<String> recovered = post(FLAKY, telegram + ":fresh-" + purchaseId() + ":100", "-");
            assertThat(recovered.statusCode()).isEqualTo(200);
            assertThat(intake.circuitState(FLAKY)).isEqualTo("closed");

            signInAs("operator", Role.OPERATOR);
            assertThat(intake.replayable(InboxStatus.FAILED, FLAKY, 100)).containsAll(held);
            BulkReplay replayed = intake.replayAll(held);
            assertThat(replayed.replayed()).isEqualTo(4);
            assertThat(replayed.refused()).isEmpty();
            assertThat(balance(user)).isEqualTo(500);
        });
    }

    @Test
    void shouldCallAnEventTheSpiRefusesMalformedAndKeepTheChannelRunning() throws Exception {
        long user = TestData.insertUser(dsl, "Negative");
        long telegram = TestData.telegramId(dsl, user);
        withFlakyChannel(() -> {
            System.setProperty(FlakyChannel.MODE, "negative");
            HttpResponse<String> negative = post(FLAKY, telegram + ":neg-" + purchaseId() + ":100", "-");
            assertThat(negative.statusCode()).isEqualTo(400);
            assertThat(statusOf(negative)).isEqualTo("malformed");
            System.setProperty(FlakyChannel.MODE, "ok");
            assertThat(post(FLAKY, telegram + ":pos-" + purchaseId() + ":100", "-").statusCode()).isEqualTo(200);
            assertThat(balance(user)).isEqualTo(100);
        });
    }

    /** Runs {@code test} with the flaky test channel installed, then resets its mode and uninstalls it. */
    private void withFlakyChannel(ThrowingRunnable test) throws Exception {
        signInAs("operator", Role.OPERATOR);
        plugins.install("flaky.jar", TestPlugins.jar(FLAKY, ">=1.0.0 & <2.0.0", null, List.of(FlakyChannel.class.getName()),
                FlakyChannel.class));
        try {
            test.run();
        } finally {
            System.clearProperty(FlakyChannel.MODE);
            signInAs("operator", Role.OPERATOR);
            plugins.uninstall(FLAKY);
            signOut();
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void shouldAnswer400ToANegativeTributePriceAndKeepCreditingLaterPurchases() throws Exception {
        long user = TestData.insertUser(dsl, "Negative price");
        long telegram = TestData.telegramId(dsl, user);
        String negative = purchase(telegram, purchaseId()).replace("\"amount\": 499", "\"price\": -100");

        HttpResponse<String> refused = post("pay-tribute", negative, sign(negative, KEY));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(statusOf(refused)).isEqualTo("malformed");

        String good = purchase(telegram, purchaseId());
        assertThat(post("pay-tribute", good, sign(good, KEY)).statusCode()).isEqualTo(200);
        assertThat(balance(user)).isEqualTo(PACK);
        signInAs("operator", Role.OPERATOR);
        assertThat(PluginFixture.state(plugins, "pay-tribute")).isEqualTo(PluginState.STARTED);
    }

    @Test
    void shouldApplyARefundThatArrivedBeforeItsPurchaseWhenThePurchaseArrives() throws Exception {
        long user = TestData.insertUser(dsl, "Refund first");
        long telegram = TestData.telegramId(dsl, user);
        long purchase = purchaseId();
        String refund = envelope("digital_product_refunded", telegram, purchase);
        HttpResponse<String> parked = post("pay-tribute", refund, sign(refund, KEY));
        assertThat(statusOf(parked)).isEqualTo("unmatched");

        String bought = purchase(telegram, purchase);
        assertThat(statusOf(post("pay-tribute", bought, sign(bought, KEY)))).isEqualTo("applied");

        assertThat(balance(user)).isZero();
        assertThat(dsl.select(PAYMENT.STATUS).from(PAYMENT).where(PAYMENT.USER_ID.eq(user)).fetchSingle().value1())
                .isEqualTo("refunded");
        assertThat(dsl.select(WEBHOOK_INBOX.STATUS).from(WEBHOOK_INBOX).where(WEBHOOK_INBOX.ID.eq(inboxIdOf(parked)))
                .fetchSingle().value1()).isEqualTo("applied");
        // the vendor's retry of the refund changes nothing more
        assertThat(statusOf(post("pay-tribute", refund, sign(refund, KEY)))).isEqualTo("duplicate");
        assertThat(balance(user)).isZero();
    }

    @Test
    void shouldKeepOnlyTheStartOfForgedBodiesAndRefuseAFloodingAddress() throws Exception {
        String body = "{\"pad\": \"" + "x".repeat(250 * 1024) + "\"}";
        int before = dsl.fetchCount(WEBHOOK_INBOX);
        List<Integer> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                answers.add(post("pay-tribute", body, sign(body, "not-the-key")).statusCode());
            }
            assertThat(answers).containsOnly(401, 429).endsWith(429, 429, 429);
            int firstRefusal = answers.indexOf(429);
            assertThat(answers.subList(firstRefusal, answers.size())).containsOnly(429);
            // the refused ones were not stored; the rejected ones keep 1 KB of their 250 KB
            assertThat(dsl.fetchCount(WEBHOOK_INBOX)).isEqualTo(before + firstRefusal);
            assertThat(dsl.select(WEBHOOK_INBOX.BODY).from(WEBHOOK_INBOX).orderBy(WEBHOOK_INBOX.ID.desc()).limit(firstRefusal)
                    .fetch(WEBHOOK_INBOX.BODY)).hasSize(firstRefusal).allSatisfy(stored -> assertThat(stored).hasSize(1024));
        } finally {
            TestClock.get().advance(Duration.ofMinutes(11));
        }
        // the cool-down over, the address may deliver again
        assertThat(post("pay-tribute", body, sign(body, "not-the-key")).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldDeleteDeliveriesPastTheRetentionPeriodButKeepThoseWaitingForAReplay() throws Exception {
        String forged = "{}";
        long old = inboxIdOf(post("pay-tribute", forged, sign(forged, "not-the-key")));
        String parkedBody = purchase(TestData.unusedTelegramId(), purchaseId());
        long parked = inboxIdOf(post("pay-tribute", parkedBody, sign(parkedBody, KEY)));
        dsl.update(WEBHOOK_INBOX).set(WEBHOOK_INBOX.RECEIVED_AT, TestClock.now().minusDays(91))
                .where(WEBHOOK_INBOX.ID.in(old, parked)).execute();

        assertThat(inboxRetention.purge(TestClock.now())).isGreaterThanOrEqualTo(1);

        assertThat(dsl.fetchExists(WEBHOOK_INBOX, WEBHOOK_INBOX.ID.eq(old))).isFalse();
        assertThat(dsl.fetchExists(WEBHOOK_INBOX, WEBHOOK_INBOX.ID.eq(parked))).isTrue();
    }

    @Test
    void shouldNotLetAnOperatorMintTokensWithAChannelKeyAndProductMapOfTheirOwn() throws Exception {
        long user = TestData.insertUser(dsl, "Minted");
        long telegram = TestData.telegramId(dsl, user);
        signInAs("lone-operator", Role.OPERATOR);
        SettingsSaved saved = plugins.saveSettings("pay-tribute", new SettingsChange(
                Map.of("products", "digital:77 = 1000000 | Free money"), Map.of("api-key", "operator-key"), Set.of()));
        signOut();

        // nothing changed yet: the operator's key does not verify, the old one still does, at the old price
        String forged = purchase(telegram, purchaseId());
        assertThat(post("pay-tribute", forged, sign(forged, "operator-key")).statusCode()).isEqualTo(401);
        assertThat(balance(user)).isZero();
        assertThat(saved.pending()).isTrue();
        signInAs("lone-operator", Role.OPERATOR);
        assertThat(approvals.pending()).anySatisfy(p -> {
            assertThat(p.id()).isEqualTo(saved.pendingChangeId());
            assertThat(p.summary()).contains("api-key=(secret set)").contains("1000000").doesNotContain("operator-key");
        });
        assertThatThrownBy(() -> approvals.approve(saved.pendingChangeId())).isInstanceOf(AccessDeniedException.class);

        // an administrator who asked for a change cannot approve it either
        signInAs("admin-a", Role.ADMIN);
        SettingsSaved own = plugins.saveSettings("pay-tribute", new SettingsChange(
                Map.of("products", "digital:77 = 2000000 | More money"), Map.of("api-key", "admin-key"), Set.of()));
        assertThatThrownBy(() -> approvals.approve(own.pendingChangeId())).isInstanceOf(PluginException.class)
                .hasMessageContaining("another administrator");
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("plugin.settings_self_approval_refused"))).isPositive();
        // the newer request replaced the operator's
        assertThatThrownBy(() -> approvals.approve(saved.pendingChangeId())).isInstanceOf(PluginException.class)
                .hasMessageContaining("superseded");

        signInAs("admin-b", Role.ADMIN);
        approvals.approve(own.pendingChangeId());
        signOut();
        String signed = purchase(telegram, purchaseId());
        assertThat(post("pay-tribute", signed, sign(signed, "admin-key")).statusCode()).isEqualTo(200);
        assertThat(balance(user)).isEqualTo(2_000_000);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("plugin.settings_approved")
                .and(AUDIT_EVENT.DETAILS.contains("change #" + own.pendingChangeId())))).isEqualTo(1);
    }

    @Test
    void shouldNotApproveASettingsChangeWhileTheChannelIsStopped() {
        signInAs("lone-operator", Role.OPERATOR);
        SettingsSaved saved = plugins.saveSettings("pay-tribute", new SettingsChange(
                Map.of("products", "digital:77 = 7000 | Later pack"), Map.of(), Set.of()));
        plugins.disable("pay-tribute");
        try {
            signInAs("admin-b", Role.ADMIN);
            assertThatThrownBy(() -> approvals.approve(saved.pendingChangeId())).isInstanceOf(PluginException.class)
                    .hasMessageContaining("not running");
            assertThat(approvals.pending()).extracting(PendingSettingsChange::id).contains(saved.pendingChangeId());
        } finally {
            signInAs("lone-operator", Role.OPERATOR);
            plugins.enable("pay-tribute");
        }
        signInAs("admin-b", Role.ADMIN);
        assertThat(approvals.approve(saved.pendingChangeId())).anyMatch(c -> c.contains("7000"));
    }

    @Test
    void shouldSayWhichSettingsAReplayUsed() throws Exception {
        long telegramId = TestData.unusedTelegramId();
        String body = purchase(telegramId, purchaseId());
        long inboxId = inboxIdOf(post("pay-tribute", body, sign(body, KEY)));
        TestData.insertUserWithTelegramId(dsl, "Replayed later", telegramId);
        signInAs("operator", Role.OPERATOR);
        assertThat(intake.replay(inboxId).outcome()).contains("Replayed under the settings it arrived under");
    }

    private static long inboxIdOf(HttpResponse<String> response) {
        return Long.parseLong(response.body().replaceAll(".*\"inbox\":(\\d+).*", "$1"));
    }

    private HttpResponse<String> post(String channel, String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/" + channel))
                .header("Content-Type", "application/json").header("trbt-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String statusOf(HttpResponse<String> response) {
        return response.body().replaceAll(".*\"status\":\"([a-z]+)\".*", "$1");
    }

    private static long purchaseId() {
        return System.nanoTime();
    }

    private static String purchase(long telegramId, long purchaseId) {
        return envelope("new_digital_product", telegramId, purchaseId);
    }

    private static String envelope(String name, long telegramId, long purchaseId) {
        return """
                {"name": "%s", "created_at": "2026-11-27T10:00:00Z", "sent_at": "2026-11-27T10:00:01Z",
                 "payload": {"product_id": 77, "purchase_id": %d, "amount": 499, "currency": "usd", "telegram_user_id": %d}}"""
                .formatted(name, purchaseId, telegramId);
    }

    static String sign(String body, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private long balance(long user) {
        Long balance = dsl.select(TOKEN_BALANCE.BALANCE).from(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.eq(user)).fetchOne(TOKEN_BALANCE.BALANCE);
        return balance == null ? 0 : balance;
    }

    private String lastInboxStatus() {
        return dsl.select(WEBHOOK_INBOX.STATUS).from(WEBHOOK_INBOX).orderBy(WEBHOOK_INBOX.ID.desc()).limit(1).fetchSingle().value1();
    }
}

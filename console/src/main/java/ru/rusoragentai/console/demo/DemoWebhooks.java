package ru.rusoragentai.console.demo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.payments.IntakeResult;
import ru.rusoragentai.console.payments.WebhookIntakeService;
import ru.rusoragentai.console.plugins.PluginGateway;
import ru.rusoragentai.spi.PaymentChannel;

/**
 * Today's demo purchases arrive the way real ones do: as Tribute webhook deliveries, signed with the channel's key,
 * verified by the pay-tribute plugin, applied and recorded in the webhook inbox. A few deliveries go wrong as they do in
 * life: a retry of one purchase (duplicate), a forged signature (rejected), a buyer and a product the platform does not
 * know (parked as unmatched, for replay).
 *
 * <p>On the empty demo database the channel gets a random key nobody is told (stored encrypted like any secret) and a
 * product map of the demo packs; a database whose channel already has a key is never touched.
 */
class DemoWebhooks {

    private static final Logger log = LoggerFactory.getLogger(DemoWebhooks.class);
    static final String CHANNEL = "pay-tribute";
    private static final String SIGNATURE = "trbt-signature";
    /** A Telegram id no demo user has, and a product id no pack maps to. */
    private static final long STRANGER = 999_000_000_001L;
    private static final int UNKNOWN_PRODUCT = 99;

    /** A purchase held back from the bulk load; {@code purchaseId} is unique across the demo's payments. */
    record Purchase(long telegramId, DemoCatalog.Pack pack, LocalDateTime paidAt, long purchaseId) {
    }

    private final PluginGateway plugins;
    private final WebhookIntakeService intake;
    private final DemoDataRepository repository;
    private final SecretCipher cipher;
    private final Clock clock;

    DemoWebhooks(PluginGateway plugins, WebhookIntakeService intake, DemoDataRepository repository,
                 SecretCipher cipher, Clock clock) {
        this.plugins = plugins;
        this.intake = intake;
        this.repository = repository;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Delivers the purchases and the few deliveries that go wrong; returns how many got each inbox status. */
    Map<String, Long> deliver(List<Purchase> purchases) {
        if (plugins.extension(CHANNEL, PaymentChannel.class).isEmpty()) {
            log.info("Demo webhooks skipped: the {} channel is not running; {} purchases of today are not delivered", CHANNEL, purchases.size());
            return Map.of();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        if (!repository.configureChannel(CHANNEL, cipher.encryptString(key), products(), LocalDateTime.now(clock))) {
            log.info("Demo webhooks skipped: the {} channel already has a key", CHANNEL);
            return Map.of();
        }
        plugins.settingsChanged(CHANNEL);
        Map<String, Long> statuses = new LinkedHashMap<>();
        for (Purchase purchase : purchases) {
            count(statuses, send(key, purchase.telegramId(), packNumber(purchase.pack()), purchase));
        }
        if (!purchases.isEmpty()) {
            Purchase first = purchases.getFirst();
            count(statuses, send(key, first.telegramId(), packNumber(first.pack()), first));
            count(statuses, send("not-the-key", first.telegramId(), packNumber(first.pack()), forged(first, 1)));
            count(statuses, send(key, STRANGER, packNumber(first.pack()), forged(first, 2)));
            count(statuses, send(key, first.telegramId(), UNKNOWN_PRODUCT, forged(first, 3)));
        }
        log.info("Demo webhooks: {} deliveries of today through the inbox: {}", statuses.values().stream().mapToLong(Long::longValue).sum(), statuses);
        return statuses;
    }

    private IntakeResult send(String key, long telegramId, int product, Purchase purchase) {
        String created = purchase.paidAt().atOffset(ZoneOffset.UTC).toInstant().toString();
        byte[] body = ("{\"name\":\"new_digital_product\",\"created_at\":\"" + created + "\",\"sent_at\":\"" + created
                + "\",\"payload\":{\"product_id\":" + product + ",\"purchase_id\":" + purchase.purchaseId()
                + ",\"telegram_user_id\":" + telegramId + ",\"price\":" + purchase.pack().amountMinor()
                + ",\"currency\":\"" + purchase.pack().currency().toLowerCase(java.util.Locale.ROOT) + "\"}}").getBytes(StandardCharsets.UTF_8);
        return intake.receive(CHANNEL, body, Map.of("content-type", List.of("application/json"), SIGNATURE, List.of(sign(key, body))));
    }

    private static Purchase forged(Purchase like, long offset) {
        return new Purchase(like.telegramId(), like.pack(), like.paidAt(), 900_000_000L + offset);
    }

    private static void count(Map<String, Long> statuses, IntakeResult result) {
        statuses.merge(result.status().dbValue(), 1L, Long::sum);
    }

    /** The products setting: each demo pack as Tribute digital product 1, 2, ... */
    private static String products() {
        return IntStream.range(0, DemoCatalog.PACKS.size()).mapToObj(i -> {
            DemoCatalog.Pack pack = DemoCatalog.PACKS.get(i);
            return "digital:" + (i + 1) + " = " + pack.tokens() + " | " + pack.productId();
        }).collect(Collectors.joining("\n"));
    }

    private static int packNumber(DemoCatalog.Pack pack) {
        return DemoCatalog.PACKS.indexOf(pack) + 1;
    }

    /** Hex HMAC-SHA256 of the body keyed with the channel's key, as Tribute signs. */
    private static String sign(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

package ru.rusoragentai.console.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import ru.rusoragentai.console.ConsoleApplication;
import ru.rusoragentai.console.plugins.PluginService;
import ru.rusoragentai.console.plugins.SettingsApprovalService;
import ru.rusoragentai.console.plugins.SettingsChange;
import ru.rusoragentai.console.tokens.TokenLedgerService;

/**
 * Payment intake benchmark (see bench/webhooks.sh): starts the console with its web server and the bundled
 * pay-tribute plugin, then sends signed, distinct Tribute purchase webhooks over loopback from concurrent
 * keep-alive connections ({@link LoopbackClient}). Every one is verified, credited through the ledger and recorded in the inbox. Prints applied
 * webhooks per second and latency percentiles, then checks that balances equal ledger sums.
 *
 * <p>Arguments (besides Spring's): {@code --bench.webhooks=N} (default 20000), {@code --bench.clients=C} (16),
 * {@code --bench.users=U} (2000).
 */
public final class WebhookBenchmark {

    private static final Logger log = LoggerFactory.getLogger(WebhookBenchmark.class);
    private static final String KEY = "bench-tribute-key";
    private static final long FIRST_TELEGRAM_ID = 7_700_000_000L;

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsoleApplication.class)
                .properties("console.demo.seed-on-empty=false", "spring.main.banner-mode=off",
                        "logging.level.ru.rusoragentai.console.payments=warn")
                // a free port; as an argument, because application.properties outranks builder properties
                .run(withFreePort(ru.rusoragentai.console.demo.DemoDataCommand.withSeedingOff(args)))) {
            var env = context.getEnvironment();
            int total = env.getProperty("bench.webhooks", Integer.class, 20_000);
            int clients = env.getProperty("bench.clients", Integer.class, 16);
            int users = env.getProperty("bench.users", Integer.class, 2_000);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            SupportBenchmark.signIn("bench-operator");
            var saved = context.getBean(PluginService.class).saveSettings("pay-tribute", new SettingsChange(
                    Map.of("products", "digital:1 = 1000 | Bench pack"), Map.of("api-key", KEY), Set.of()));
            if (saved.pending()) {
                // a payment channel's settings need a second administrator
                SupportBenchmark.signIn("bench-approver");
                context.getBean(SettingsApprovalService.class).approve(saved.pendingChangeId());
            }
            context.getBean(BenchData.class).insertUsers(FIRST_TELEGRAM_ID, users);
            run(port, 5_000, clients, users, "warm-up");
            double[] latencies = run(port, total, clients, users, "measured");
            var discrepancies = context.getBean(TokenLedgerService.class).findDiscrepancies();
            log.info("RESULT ledger check after the run: {} balances differ from their ledger sums", discrepancies.size());
        }
    }

    private static String[] withFreePort(String[] args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--server.port=0";
        return all;
    }

    private static double[] run(int port, int total, int clients, int users, String label) throws Exception {
        long runId = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        double[] latencies = new double[total];
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    int i;
                    try (LoopbackClient http = new LoopbackClient(port)) {
                    while ((i = next.getAndIncrement()) < total) {
                        String body = """
                                {"name":"new_digital_product","created_at":"2026-11-27T10:00:00Z","sent_at":"2026-11-27T10:00:00Z",\
                                "payload":{"product_id":1,"purchase_id":%d,"amount":499,"currency":"usd","telegram_user_id":%d}}"""
                                .formatted(runId + i, FIRST_TELEGRAM_ID + (i % users));
                        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                        String signature = sign(body);
                        long t0 = System.nanoTime();
                        LoopbackClient.Response response = http.post("/webhooks/pay-tribute", "application/json",
                                "trbt-signature", signature, bytes);
                        latencies[i] = (System.nanoTime() - t0) / 1e6;
                        if (response.status() == 200 && response.body().contains("\"applied\"")) {
                            applied.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                    }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("RESULT webhooks ({}): {} sent by {} clients in {} s = {} applied/s; applied={} other={}; latency p50={} ms p95={} ms p99={} ms",
                label, total, clients, String.format("%.1f", seconds), String.format("%.0f", applied.get() / seconds),
                applied.get(), other.get(), SupportBenchmark.pct(latencies, 50), SupportBenchmark.pct(latencies, 95),
                SupportBenchmark.pct(latencies, 99));
        return latencies;
    }

    private static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

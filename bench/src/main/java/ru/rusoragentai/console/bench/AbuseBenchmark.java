package ru.rusoragentai.console.bench;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import ru.rusoragentai.console.abuse.AbuseQueueService;
import ru.rusoragentai.console.abuse.AbuseRuleService;
import ru.rusoragentai.console.abuse.FlagFilter;
import ru.rusoragentai.console.abuse.QueueSort;
import ru.rusoragentai.console.security.Role;

/**
 * Abuse monitoring benchmark on a loaded database (see bench/abuse.sh): a full evaluation of the last 30 days, rule by
 * rule, beside the floor of reading those 30 days once; incremental runs after 1,000, 10,000 and 100,000 new usage
 * events; the queue's first page with 100,000 more flags in the table, beside a raw query of the same page. Goes
 * through the real services. Prints RESULT lines. It writes flags and usage events into that database.
 */
public final class AbuseBenchmark {

    private static final Logger log = LoggerFactory.getLogger(AbuseBenchmark.class);

    private AbuseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = BenchContext.start(args)) {
            BenchContext.signIn("bench-operator", Role.OPERATOR, Role.ADMIN);
            AbuseRuleService rules = context.getBean(AbuseRuleService.class);
            AbuseQueueService queue = context.getBean(AbuseQueueService.class);
            AbuseBenchData data = context.getBean(AbuseBenchData.class);
            Clock clock = context.getBean(Clock.class);
            LocalDateTime now = LocalDateTime.now(clock);
            log.info("RESULT data set: {} users, {} usage events, {} sessions, {} ledger rows", data.count("app_user"),
                    data.count("usage_event"), data.count("user_session"), data.count("token_ledger"));

            long floorStart = System.nanoTime();
            long rows = data.rawScan(now.minusDays(30), now);
            log.info("RESULT floor: one read of the last 30 days ({} events and sessions) {} ms", rows, ms(floorStart));

            boolean fullEvaluation = !java.util.Arrays.asList(args).contains("--bench.abuse.skip-full");
            // --bench.abuse.rules=a,b judges only those rules over the range; --bench.abuse.full-only stops after it
            List<String> only = Arrays.stream(args).filter(a -> a.startsWith("--bench.abuse.rules="))
                    .flatMap(a -> Arrays.stream(a.substring("--bench.abuse.rules=".length()).split(","))).toList();
            long full = System.nanoTime();
            // every enabled rule in one re-evaluation, as the Rules screen runs it (the rules share what they read)
            List<AbuseRuleService.RunResult> judged = !fullEvaluation ? List.of() : only.isEmpty()
                    ? rules.reevaluateAll(now.minusDays(30), now)
                    : only.stream().map(code -> rules.reevaluate(code, now.minusDays(30), now)).toList();
            for (var run : judged) {
                log.info("RESULT full 30 days, {}: {} ms, {} findings, {} new flags{}", run.rule(), run.millis(), run.findings(),
                        run.raised(), run.error() == null ? "" : ", FAILED " + run.error());
            }
            if (fullEvaluation) {
                log.info("RESULT full evaluation of the last 30 days, {}: {} ms", only.isEmpty() ? "every rule" : only, ms(full));
                if (Arrays.asList(args).contains("--bench.abuse.full-only")) {
                    return;
                }
                rules.runNow(null);
            } else {
                // start the incremental runs from the present, as a console that has kept up would
                data.watermarksToNewest();
            }
            long maxUser = data.maxUserId();
            Random random = new Random(42);
            for (int events : List.of(1_000, 10_000, 100_000)) {
                data.insertEvents(events, maxUser, LocalDateTime.now(clock), random);
                long started = System.nanoTime();
                var runs = rules.runNow(null);
                log.info("RESULT incremental run after {} new usage events: {} ms, every rule ({} new flags; slowest {})", events, ms(started),
                        runs.stream().mapToLong(AbuseRuleService.RunResult::raised).sum(),
                        runs.stream().max(java.util.Comparator.comparingLong(AbuseRuleService.RunResult::millis))
                                .map(r -> r.rule() + " " + r.millis() + " ms").orElse(""));
            }

            data.insertFlags(100_000, maxUser, now);
            try {
                log.info("RESULT queue: {} open flags in the table", queue.count(FlagFilter.open()));
                time("queue first page, newest first", () -> queue.find(FlagFilter.open(), QueueSort.NEWEST, 0, 50));
                time("queue first page, highest score first", () -> queue.find(FlagFilter.open(), new QueueSort(QueueSort.Key.SCORE, false), 0, 50));
                time("queue count of open flags", () -> queue.count(FlagFilter.open()));
                time("floor: the same page by the same index, no joins", data::rawFirstPage);
            } finally {
                data.deleteBenchFlags();
            }
        }
    }

    /** Median and worst of 20 runs after 3 warm-up runs. */
    private static void time(String what, Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long started = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        log.info("RESULT {}: median {} ms, worst {} ms", what, String.format("%.1f", ms[ms.length / 2]), String.format("%.1f", ms[ms.length - 1]));
    }

    private static long ms(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

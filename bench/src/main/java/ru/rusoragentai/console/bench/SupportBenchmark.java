package ru.rusoragentai.console.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.tokens.AdjustmentService;
import ru.rusoragentai.console.tokens.ReasonCode;
import ru.rusoragentai.console.tokens.TokenLedgerService;
import ru.rusoragentai.console.users.UserProfile;
import ru.rusoragentai.console.users.UserSearchService;
import ru.rusoragentai.console.users.UserService;

/**
 * Support desk benchmark on a loaded database (see bench/support.sh): exact-identifier lookup
 * p50/p95, name-prefix and surname (any word of the name) search p95, load time of the heaviest user's page data, and adjustments per
 * second with 16 writers. Goes through the real services, as the screens do. Prints RESULT lines.
 */
public final class SupportBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SupportBenchmark.class);

    private SupportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = BenchContext.start(args)) {
            new Run(context).all();
        }
    }

    private static final class Run {
        private final UserSearchService search;
        private final UserService users;
        private final TokenLedgerService ledger;
        private final AdjustmentService adjustments;
        private final AuditService audit;
        private final ru.rusoragentai.console.abuse.AbuseQueueService abuse;
        private final BenchData data;
        private final Random random = new Random(42);

        Run(ConfigurableApplicationContext context) {
            search = context.getBean(UserSearchService.class);
            users = context.getBean(UserService.class);
            ledger = context.getBean(TokenLedgerService.class);
            adjustments = context.getBean(AdjustmentService.class);
            audit = context.getBean(AuditService.class);
            abuse = context.getBean(ru.rusoragentai.console.abuse.AbuseQueueService.class);
            data = context.getBean(BenchData.class);
        }

        /** The result count and the first page, as the search screen asks for them. */
        private List<?> searchAsTheScreenDoes(String text) {
            search.countForSummary(text);
            return search.search(text, 0, 50);
        }

        void all() throws Exception {
            signIn("bench-admin");
            long maxId = data.maxUserId();
            List<UserProfile> sample = new ArrayList<>();
            List<UserProfile> warmUpSample = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                sample.add(users.profile(1 + random.nextLong(maxId)));
                warmUpSample.add(users.profile(1 + random.nextLong(maxId)));
            }
            warmUp(warmUpSample);
            double[] exact = new double[sample.size() * 3];
            int n = 0;
            for (UserProfile p : sample) {
                exact[n++] = time(() -> search.search(Long.toString(p.telegramUserId()), 0, 50));
                exact[n++] = time(() -> search.search("@" + p.username(), 0, 50));
                exact[n++] = time(() -> search.search(p.email() != null ? p.email() : Long.toString(p.id()), 0, 50));
            }
            List<String> payments = data.samplePaymentIds(200);
            double[] payment = payments.stream().mapToDouble(id -> time(() -> search.search(id, 0, 50))).toArray();
            double[] prefix = sample.stream().limit(200).mapToDouble(p -> {
                String text = p.displayName().substring(0, Math.min(4 + random.nextInt(3), p.displayName().length()));
                return time(() -> searchAsTheScreenDoes(text));
            }).toArray();
            // a surname, its first letters or a patronymic-like last word, typed in lower case with е for ё
            double[] surname = sample.stream().skip(200).mapToDouble(p -> {
                String last = p.displayName().substring(p.displayName().lastIndexOf(' ') + 1);
                String text = last.substring(0, Math.min(last.length(), 4 + random.nextInt(4))).toLowerCase().replace('ё', 'е');
                return time(() -> searchAsTheScreenDoes(text));
            }).toArray();
            log.info("RESULT exact lookup (Telegram id, @username, email): n={} p50={} ms p95={} ms", exact.length, pct(exact, 50), pct(exact, 95));
            log.info("RESULT payment id lookup: n={} p50={} ms p95={} ms", payment.length, pct(payment, 50), pct(payment, 95));
            log.info("RESULT name-prefix search (count + first page of 50): n={} p50={} ms p95={} ms", prefix.length, pct(prefix, 50), pct(prefix, 95));
            log.info("RESULT surname search, any word of the name (count + first page of 50): n={} p50={} ms p95={} ms", surname.length,
                    pct(surname, 50), pct(surname, 95));

            long heaviest = data.heaviestUser();
            double[] page = new double[7];
            for (int i = 0; i < page.length; i++) {
                page[i] = time(() -> pageData(heaviest));
            }
            log.info("RESULT heaviest user's page (user {} with {} usage events): median={} ms max={} ms", heaviest,
                    users.usageEventCount(heaviest), pct(page, 50), pct(page, 100));

            adjustmentsPerSecond(maxId, 100, "warm-up");
            adjustmentsPerSecond(maxId, 500, "measured");
        }

        private Object pageData(long userId) {
            users.profile(userId);
            ledger.history(userId, null, true, 0, 50);
            ledger.historyCount(userId, null);
            adjustments.forUser(userId);
            users.usageByDay(userId, 30);
            users.usageEvents(userId, 30, true, 0, 50);
            users.sessions(userId);
            users.payments(userId);
            users.linkedAccounts(userId);
            abuse.find(ru.rusoragentai.console.abuse.FlagFilter.ofUser(userId), ru.rusoragentai.console.abuse.QueueSort.NEWEST, 0, 50);
            users.privacyRequests(userId);
            return audit.forTarget("user", Long.toString(userId), 0, 50);
        }

        private void adjustmentsPerSecond(long maxId, int each, String label) throws Exception {
            int writers = 16;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                long seed = w + each * 31L;
                done.add(pool.submit(() -> {
                    signIn("bench-writer-" + seed);
                    Random r = new Random(seed);
                    go.await();
                    for (int i = 0; i < each; i++) {
                        adjustments.request(1 + r.nextLong(Math.min(maxId, 1000)), 1, ReasonCode.OTHER, "benchmark", null, false);
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            log.info("RESULT adjustments ({}) with {} writers: {} in {} s = {} adjustments/s", label, writers, writers * each,
                    String.format("%.2f", seconds), Math.round(writers * each / seconds));
        }

        /**
         * Over other users than the measured ones, twice: with the full JIT (C2) the first few hundred calls still run
         * partly interpreted or wait for the compiler.
         */
        private void warmUp(List<UserProfile> others) {
            for (UserProfile p : java.util.stream.Stream.concat(others.stream(), others.stream()).toList()) {
                search.search("@" + p.username(), 0, 50);
                search.search(p.displayName().substring(0, 3), 0, 50);
            }
        }
    }

    static void signIn(String name) {
        BenchContext.signIn(name, Role.ADMIN, Role.SUPPORT);
    }

    static double time(Supplier<?> action) {
        long start = System.nanoTime();
        action.get();
        return (System.nanoTime() - start) / 1e6;
    }

    static String pct(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return String.format("%.2f", sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
    }
}

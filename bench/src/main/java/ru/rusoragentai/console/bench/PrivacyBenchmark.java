package ru.rusoragentai.console.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import ru.rusoragentai.console.privacy.erasure.ErasureService;
import ru.rusoragentai.console.privacy.ExportPackage;
import ru.rusoragentai.console.privacy.Jurisdiction;
import ru.rusoragentai.console.privacy.NewPrivacyRequest;
import ru.rusoragentai.console.privacy.packages.PackageService;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.PrivacyTask;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.privacy.VerificationMethod;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.tokens.LedgerKind;
import ru.rusoragentai.console.tokens.LedgerRequest;
import ru.rusoragentai.console.tokens.TokenLedgerService;
import ru.rusoragentai.console.users.UserService;

/**
 * Privacy desk benchmark on a loaded database (see bench/privacy.sh): the access package of the heaviest user
 * (time and peak heap), then the erasure of that user (time, longest transaction, and the worst wait a concurrent
 * writer on other users saw meanwhile). Goes through the real services, as the screens do; work runs on the
 * caller's thread. Prints RESULT lines. It erases that user from the database.
 */
public final class PrivacyBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PrivacyBenchmark.class);
    private static final Pattern LONGEST = Pattern.compile("longest (\\d+) ms");

    private PrivacyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = BenchContext.start(args, "--console.privacy.run-on=caller",
                "--console.jobs.enabled=false")) {
            new Run(context).all();
        }
    }

    private static final class Run {
        private final PrivacyRequestService requests;
        private final PackageService packages;
        private final ErasureService erasures;
        private final UserService users;
        private final TokenLedgerService ledger;
        private final BenchData data;
        private final ConfigurableApplicationContext context;

        Run(ConfigurableApplicationContext context) {
            this.context = context;
            requests = context.getBean(PrivacyRequestService.class);
            packages = context.getBean(PackageService.class);
            erasures = context.getBean(ErasureService.class);
            users = context.getBean(UserService.class);
            ledger = context.getBean(TokenLedgerService.class);
            data = context.getBean(BenchData.class);
        }

        void all() throws Exception {
            signIn("bench-officer-1");
            long user = data.heaviestUser();
            int events = users.usageEventCount(user);
            log.info("RESULT subject: user {} with {} usage events", user, events);

            if (context.getEnvironment().getProperty("bench.package", Boolean.class, true)) {
                // the first build runs in a cold JVM; a console that has been up a while is warm, as in the second
                int runs = context.getEnvironment().getProperty("bench.package-runs", Integer.class, 2);
                for (int run = 1; run <= runs; run++) {
                    accessPackage(user, events, run == 1 ? "cold JVM" : "warm JVM, build " + run);
                }
            }
            if (context.getEnvironment().getProperty("bench.erasure", Boolean.class, true)) {
                erasure(user, events);
            }
        }

        private void accessPackage(long user, int events, String jvm) {
            PrivacyRequest access = inProgress(user, RequestType.ACCESS);
            System.gc();
            resetPeaks();
            long started = System.nanoTime();
            packages.requestPackage(access.id());
            double packageSeconds = (System.nanoTime() - started) / 1e9;
            PrivacyTask task = packages.packageTask(access.id()).orElseThrow();
            if (task.status() != PrivacyTask.TaskStatus.DONE) {
                throw new IllegalStateException("package failed: " + task.lastError());
            }
            ExportPackage built = packages.currentPackage(access.id()).orElseThrow();
            log.info("RESULT access package for user {} ({} usage events, {}): {} s, zip {} MB, peak heap {} MB of max {} MB ({})",
                    user, events, jvm, String.format("%.1f", packageSeconds), built.sizeBytes() / (1 << 20), peakHeapMb(),
                    Runtime.getRuntime().maxMemory() / (1 << 20), task.result());
        }

        private void erasure(long user, int events) throws InterruptedException {
            signIn("bench-officer-1");
            PrivacyRequest deletion = inProgress(user, RequestType.DELETION);
            deletion = erasures.prepare(deletion.id(), deletion.version());
            signIn("bench-officer-2");
            Probe probe = new Probe(data, ledger, user);
            Thread writer = Thread.ofPlatform().name("concurrent-writer").start(probe);
            long started = System.nanoTime();
            erasures.approve(deletion.id(), deletion.version());
            double erasureSeconds = (System.nanoTime() - started) / 1e9;
            probe.stop.set(true);
            writer.join();
            PrivacyRequest done = requests.get(deletion.id());
            if (done.status() != RequestStatus.COMPLETED) {
                throw new IllegalStateException("erasure did not complete: " + erasures.tasks(deletion.id()));
            }
            long longest = 0;
            for (PrivacyTask t : erasures.tasks(deletion.id())) {
                Matcher m = LONGEST.matcher(t.result() == null ? "" : t.result());
                if (m.find()) {
                    longest = Math.max(longest, Long.parseLong(m.group(1)));
                }
                log.info("erasure task {}: {}", t.system(), t.system().equals(PrivacyTask.RESIDUAL_SCAN) ? "clean" : t.result());
            }
            log.info("RESULT erasure of user {} ({} usage events): {} s, longest transaction {} ms, residual scan clean={}; "
                            + "concurrent writer on other users: {} writes, worst {} ms",
                    user, events, String.format("%.1f", erasureSeconds), longest,
                    erasures.residualScan(deletion.id()).orElseThrow().clean(), probe.writes.get(), probe.worstMillis.get());
        }

        private PrivacyRequest inProgress(long user, RequestType type) {
            PrivacyRequest request = requests.create(new NewPrivacyRequest(Long.toString(user), type, "email", Jurisdiction.GDPR, null,
                    "benchmark"));
            request = requests.verifyIdentity(request.id(), request.version(), VerificationMethod.TELEGRAM_ACCOUNT, null);
            return requests.startWork(request.id(), request.version());
        }
    }

    /** Writes usage events and ledger entries for other users while the erasure runs, timing each write. */
    private static final class Probe implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong writes = new AtomicLong();
        final AtomicLong worstMillis = new AtomicLong();
        private final BenchData data;
        private final TokenLedgerService ledger;
        private final long erased;

        Probe(BenchData data, TokenLedgerService ledger, long erased) {
            this.data = data;
            this.ledger = ledger;
            this.erased = erased;
        }

        @Override
        public void run() {
            signIn("bench-probe");
            Random random = new Random(7);
            long max = data.maxUserId();
            while (!stop.get()) {
                long other = 2 + random.nextLong(max - 1);
                if (other == erased) {
                    continue;
                }
                long started = System.nanoTime();
                data.insertUsageEvent(other);
                ledger.apply(new LedgerRequest(other, 1, LedgerKind.BONUS, null, "privacy benchmark probe",
                        "privacy-bench-" + System.nanoTime() + "-" + other, false));
                worstMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                writes.incrementAndGet();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    static void signIn(String name) {
        BenchContext.signIn(name, Role.ADMIN, Role.PRIVACY_OFFICER);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1 << 20);
    }
}

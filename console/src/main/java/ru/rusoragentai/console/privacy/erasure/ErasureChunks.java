package ru.rusoragentai.console.privacy.erasure;

import ru.rusoragentai.console.privacy.TaskClaims;
import ru.rusoragentai.console.privacy.PrivacyTask;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.console.i18n.TextList;

/** How an erasure task deletes: statements in short transactions, counted and timed, some parts side by side. */
final class ErasureChunks {

    private static final Logger log = LoggerFactory.getLogger(ErasureChunks.class);

    private ErasureChunks() {
    }

    /** A deletion done in chunks, each {@link #next} in a transaction of its own, that knows when it is finished. */
    interface Part {
        int next();

        boolean finished();
    }

    /**
     * Runs one step's statements in short transactions, counting rows and timing the longest transaction. Several
     * independent parts of one step (the days of the usage table) run on {@link ErasureThreads} at once.
     */
    static final class Chunks {

        private static final long HEARTBEAT_NANOS = 1_000_000_000L;
        /** A transaction this long is logged: the subject's rows stay locked while it runs. */
        private static final long SLOW_CHUNK_MILLIS = 500;

        private final PrivacyTask task;
        private final ErasureRunner.Checkpoint checkpoint;
        private final Clock at;
        private final StringBuilder summary = new StringBuilder();
        private final List<Text> parts = new ArrayList<>();
        private long longestMillis;
        private String longestIn = "";
        private final AtomicInteger chunksRun = new AtomicInteger();
        private long lastHeartbeat = System.nanoTime();

        private final TransactionTemplate chunkTx;
        private final TaskClaims claims;
        private final ErasureThreads threads;

        Chunks(PrivacyTask task, ErasureRunner.Checkpoint checkpoint, Clock at, TransactionTemplate chunkTx, TaskClaims claims,
               ErasureThreads threads) {
            this.task = task;
            this.checkpoint = checkpoint;
            this.at = at;
            this.chunkTx = chunkTx;
            this.claims = claims;
            this.threads = threads;
        }

        void loop(String what, IntSupplier statement) {
            long rows = 0;
            int n;
            do {
                n = timed(what, statement);
                rows += n;
            } while (n > 0);
            note(what, rows);
        }

        void once(String what, IntSupplier statement) {
            note(what, timed(what, statement));
        }

        /**
         * Runs every part to its end, up to {@code eraseThreads} parts at a time. The first failure stops the others
         * after their current chunk and is rethrown here, as it would be on one thread.
         */
        void inParallel(String what, List<Part> parts) {
            ConcurrentLinkedQueue<Part> queue = new ConcurrentLinkedQueue<>(parts);
            AtomicLong rows = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Runnable drain = () -> {
                try {
                    for (Part part = queue.poll(); part != null && failure.get() == null; part = queue.poll()) {
                        while (!part.finished() && failure.get() == null) {
                            rows.addAndGet(timed(what, part::next));
                        }
                    }
                } catch (Throwable e) { // an Error too: the caller rethrows it as if it had happened on its own thread
                    failure.compareAndSet(null, e);
                }
            };
            threads.drain(parts.size(), drain);
            switch (failure.get()) {
                case null -> note(what, rows.get());
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                case Throwable e -> throw new IllegalStateException(e);
            }
        }

        private int timed(String what, IntSupplier statement) {
            long started = System.nanoTime();
            Integer done = chunkTx.execute(s -> statement.getAsInt());
            int n = done == null ? 0 : done;
            long millis = (System.nanoTime() - started) / 1_000_000;
            longest(what, millis);
            if (millis >= SLOW_CHUNK_MILLIS) {
                log.info("Erasure task {}: one transaction of {} took {} ms ({} rows)", task.system(), what, millis, n);
            }
            int run = chunksRun.incrementAndGet();
            heartbeat(run);
            checkpoint.reached(task.system(), run);
            return n;
        }

        /** Renews the claim (and fails if it was lost) about once a second rather than after every chunk. */
        private synchronized void heartbeat(int run) {
            long now = System.nanoTime();
            if (run == 1 || now - lastHeartbeat >= HEARTBEAT_NANOS) {
                claims.heartbeat(task, Math.min(99, run), at);
                lastHeartbeat = now;
            }
        }

        private synchronized void longest(String what, long millis) {
            if (millis > longestMillis) {
                longestMillis = millis;
                longestIn = what;
            }
        }

        private synchronized void note(String what, long rows) {
            summary.append(summary.isEmpty() ? "" : "; ").append(what).append(' ').append(rows);
            parts.add(new Text("privacy.erasure.part", what(what), rows));
        }

        synchronized String summary() {
            return summary + " (" + chunksRun + (chunksRun.get() == 1 ? " transaction" : " transactions") + ", longest "
                    + longestMillis + " ms" + (longestIn.isEmpty() ? "" : " in " + longestIn) + ")";
        }

        /** The summary as a text: each step's rows, then how many transactions and the longest, in the reader's language. */
        synchronized Text text() {
            return longestIn.isEmpty()
                    ? new Text("privacy.erasure.result.short", new TextList(parts, "; "), chunksRun.get(), longestMillis)
                    : new Text("privacy.erasure.result", new TextList(parts, "; "), chunksRun.get(), longestMillis, what(longestIn));
        }
    }

    /** A step's label as a text: its bundle key is the label with every run of other characters made a dash. */
    private static Text what(String label) {
        return new Text("privacy.erasure.what." + label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("^-|-$", ""));
    }
}

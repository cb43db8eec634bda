package ru.rusoragentai.console.abuse.detect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Everyone's requests and tokens per window-long bucket of a range, from one read of the range in time order. The hourly
 * rules (usage spike, automation, lock-step) ask this of the same range. Within a run (see {@link RunMemo}) the range
 * is read once and a thinned copy of its buckets is kept for the rules after the first: per bucket the median, and the
 * users with two requests or more or {@link #KEEP_TOKENS} tokens or more. Nearly every user-hour of real traffic is one
 * request (12.5M user-hours in 13.4M requests over 30 days of the 1M-user set), so the copy is small, and it answers
 * any question that asks for at least two requests or at least that many tokens.
 */
@Repository
class UsageBuckets {

    /** One bucket: the users active in it (all, or those a thinned copy keeps) with their requests and tokens. */
    record Bucket(LocalDateTime end, long[] users, int[] requests, long[] tokens, double medianRequests) {

        /** The users with at least {@code minRequests} requests and {@code minTokens} tokens, ascending. */
        Set<Long> reached(long minTokens, long minRequests) {
            Set<Long> found = new TreeSet<>();
            for (int i = 0; i < users.length; i++) {
                if (requests[i] >= minRequests && tokens[i] >= minTokens) {
                    found.add(users[i]);
                }
            }
            return found;
        }

        /** The same bucket keeping only the users {@link #answers} needs. */
        Bucket thinned() {
            int kept = 0;
            for (int i = 0; i < users.length; i++) {
                kept += keeps(requests[i], tokens[i]) ? 1 : 0;
            }
            long[] u = new long[kept];
            int[] r = new int[kept];
            long[] t = new long[kept];
            int k = 0;
            for (int i = 0; i < users.length; i++) {
                if (keeps(requests[i], tokens[i])) {
                    u[k] = users[i];
                    r[k] = requests[i];
                    t[k++] = tokens[i];
                }
            }
            return new Bucket(end, u, r, t, medianRequests);
        }

        private static boolean keeps(int requests, long tokens) {
            return requests >= 2 || tokens >= KEEP_TOKENS;
        }

        /** The median of requests per active user: the peers' rate, which a few very busy accounts cannot drag up. */
        static double median(int[] requests) {
            if (requests.length == 0) {
                return 0;
            }
            int[] sorted = requests.clone();
            Arrays.sort(sorted);
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
        }
    }

    /** A thinned bucket keeps single-request users charged at least this much. */
    static final long KEEP_TOKENS = 1_000;
    /** The longest buckets a run keeps a thinned copy of. */
    private static final int KEEP_WINDOW_MINUTES = 24 * 60;
    /** Users kept for one window at most; a larger window is read again when asked. */
    private static final int KEEP_WINDOW_USERS = 200_000;
    /** User-bucket pairs a thinned range keeps at most (about 20 bytes each); past that the range is read again when asked. */
    private static final int KEEP_RANGE_PAIRS = 3_000_000;

    private final DSLContext dsl;

    UsageBuckets(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Whether a thinned copy answers who reached both minimums. */
    static boolean answers(long minTokens, long minRequests) {
        return minRequests >= 2 || minTokens >= KEEP_TOKENS;
    }

    /** Everyone's sums over one window, as one bucket. */
    Bucket window(LocalDateTime from, LocalDateTime to) {
        return RunMemo.answer(List.of("usage-window", from, to), () -> {
            List<Bucket> one = new ArrayList<>(1);
            stream(from, to, Long.MAX_VALUE, one::add);
            return one.isEmpty() ? new Bucket(to, new long[0], new int[0], new long[0], 0) : one.getFirst();
        }, bucket -> bucket.users().length <= KEEP_WINDOW_USERS);
    }

    /**
     * Each non-empty bucket of {@code windowMinutes} counted from {@code from}, in time order, ending at the bucket's end
     * (or at {@code to}). The consumer may be handed a thinned bucket, which still holds every user with at least
     * {@code minRequests} requests and {@code minTokens} tokens, and the median of all.
     */
    void forEach(LocalDateTime from, LocalDateTime to, int windowMinutes, long minTokens, long minRequests, Consumer<Bucket> onBucket) {
        List<Object> question = List.of("usage-buckets", from, to, windowMinutes);
        List<Bucket> known = RunMemo.known(question);
        if (known != null && answers(minTokens, minRequests)) {
            known.forEach(onBucket);
            return;
        }
        if (!RunMemo.running() || known != null || windowMinutes > KEEP_WINDOW_MINUTES) {
            // a thinned copy pays where most user-buckets are a single request, as hours are; longer buckets (a week of
            // expensive-model burn) would be kept nearly whole, and no other rule asks for them
            stream(from, to, windowMinutes * 60_000L, onBucket);
            return;
        }
        List<Bucket> kept = new ArrayList<>();
        long[] pairs = {0};
        stream(from, to, windowMinutes * 60_000L, bucket -> {
            onBucket.accept(bucket);
            if (pairs[0] <= KEEP_RANGE_PAIRS) {
                Bucket thin = bucket.thinned();
                pairs[0] += thin.users().length;
                kept.add(thin);
            }
        });
        if (pairs[0] <= KEEP_RANGE_PAIRS) {
            RunMemo.keep(question, List.copyOf(kept));
        }
    }

    /**
     * Reads the range once, in time order, from the time index that holds the user and the tokens (never leaving it, never
     * sorting), and adds up each user's requests and tokens per bucket of {@code bucketMillis} counted from {@code from},
     * handing each bucket over at its end. Grouping in the database built a temporary table of a row per user and bucket
     * (minutes for 30 days of the 1M-user set); here a bucket's sums are the only state. Plain JDBC and primitive maps:
     * 13.4M rows through jOOQ records, or each into a boxed map entry, cost more than the database's own read of them.
     */
    private void stream(LocalDateTime from, LocalDateTime to, long bucketMillis, Consumer<Bucket> onBucket) {
        long start = from.toEpochSecond(ZoneOffset.UTC) * 1000 + from.getNano() / 1_000_000;
        dsl.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT occurred_at, user_id, tokens_charged FROM usage_event FORCE INDEX (usage_event_occurred_idx)
                    WHERE occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at""")) {
                statement.setObject(1, from);
                statement.setObject(2, to);
                statement.setFetchSize(10_000);
                Sums sums = new Sums();
                long bucket = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        LocalDateTime time = rows.getObject(1, LocalDateTime.class);
                        long at = time.toEpochSecond(ZoneOffset.UTC) * 1000 + time.getNano() / 1_000_000;
                        long b = bucketMillis == Long.MAX_VALUE ? 0 : (at - start) / bucketMillis;
                        if (b != bucket && sums.size > 0) {
                            onBucket.accept(sums.bucket(end(from, to, bucketMillis, bucket)));
                        }
                        bucket = b;
                        sums.add(rows.getLong(2), rows.getLong(3));
                    }
                }
                if (sums.size > 0) {
                    onBucket.accept(sums.bucket(end(from, to, bucketMillis, bucket)));
                }
            }
        });
    }

    /** One bucket's sums as they are added up: a slot per user, found through a primitive map. */
    private static final class Sums {

        private final com.carrotsearch.hppc.LongIntHashMap slots = new com.carrotsearch.hppc.LongIntHashMap();
        private long[] users = new long[1024];
        private int[] requests = new int[1024];
        private long[] tokens = new long[1024];
        private int size;

        void add(long user, long charged) {
            int slot = slots.indexOf(user);
            int at;
            if (slots.indexExists(slot)) {
                at = slots.indexGet(slot);
            } else {
                at = size++;
                slots.indexInsert(slot, user, at);
                if (at == users.length) {
                    users = Arrays.copyOf(users, at * 2);
                    requests = Arrays.copyOf(requests, at * 2);
                    tokens = Arrays.copyOf(tokens, at * 2);
                }
                users[at] = user;
                requests[at] = 0;
                tokens[at] = 0;
            }
            requests[at]++;
            tokens[at] += charged;
        }

        /** The bucket so far, ending at {@code end}; these sums start again empty. */
        Bucket bucket(LocalDateTime end) {
            int[] r = Arrays.copyOf(requests, size);
            Bucket bucket = new Bucket(end, Arrays.copyOf(users, size), r, Arrays.copyOf(tokens, size), Bucket.median(r));
            slots.clear();
            size = 0;
            return bucket;
        }
    }

    private static LocalDateTime end(LocalDateTime from, LocalDateTime to, long bucketMillis, long bucket) {
        LocalDateTime end = bucketMillis == Long.MAX_VALUE ? to : from.plusNanos(Math.multiplyExact(bucket + 1, bucketMillis) * 1_000_000L);
        return end.isAfter(to) ? to : end;
    }
}

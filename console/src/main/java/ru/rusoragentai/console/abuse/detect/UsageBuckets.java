package ru.rusoragentai.console.abuse.detect;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Everyone's requests and tokens per window-long bucket of a range, from one read of the range in time order. The hourly
 * rules (usage spike, automation, lock-step) ask this of the same range; within a run (see {@link RunMemo}) the range is
 * read once and its buckets are kept, as arrays, for the rules after the first.
 */
@Repository
class UsageBuckets {

    /** One bucket: each user active in it, with their requests and tokens, in parallel arrays. */
    record Bucket(LocalDateTime end, long[] users, int[] requests, long[] tokens) {

        static Bucket of(LocalDateTime end, Map<Long, long[]> sums) {
            long[] users = new long[sums.size()];
            int[] requests = new int[sums.size()];
            long[] tokens = new long[sums.size()];
            int i = 0;
            for (var e : sums.entrySet()) {
                users[i] = e.getKey();
                requests[i] = (int) e.getValue()[0];
                tokens[i++] = e.getValue()[1];
            }
            return new Bucket(end, users, requests, tokens);
        }

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

        /** The median of requests per active user: the peers' rate, which a few very busy accounts cannot drag up. */
        double medianRequests() {
            if (requests.length == 0) {
                return 0;
            }
            int[] sorted = requests.clone();
            Arrays.sort(sorted);
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
        }
    }

    /** Users kept for one window at most; a larger window is read again when asked. */
    private static final int KEEP_WINDOW_USERS = 200_000;
    /** User-bucket pairs kept for one range at most (about 20 bytes each); a larger range is read again when asked. */
    private static final int KEEP_RANGE_PAIRS = 6_000_000;

    private final DSLContext dsl;

    UsageBuckets(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Everyone's sums over one window, as one bucket. */
    Bucket window(LocalDateTime from, LocalDateTime to) {
        return RunMemo.answer(List.of("usage-window", from, to), () -> {
            List<Bucket> one = new ArrayList<>(1);
            stream(from, to, Long.MAX_VALUE, one::add);
            return one.isEmpty() ? new Bucket(to, new long[0], new int[0], new long[0]) : one.getFirst();
        }, bucket -> bucket.users().length <= KEEP_WINDOW_USERS);
    }

    /** Each non-empty bucket of {@code windowMinutes} counted from {@code from}, in time order, ending at the bucket's end (or at {@code to}). */
    void forEach(LocalDateTime from, LocalDateTime to, int windowMinutes, Consumer<Bucket> onBucket) {
        List<Object> question = List.of("usage-buckets", from, to, windowMinutes);
        List<Bucket> known = RunMemo.known(question);
        if (known != null) {
            known.forEach(onBucket);
            return;
        }
        if (!RunMemo.running()) {
            stream(from, to, windowMinutes * 60_000L, onBucket);
            return;
        }
        List<Bucket> kept = new ArrayList<>();
        long[] pairs = {0};
        stream(from, to, windowMinutes * 60_000L, bucket -> {
            pairs[0] += bucket.users().length;
            if (pairs[0] <= KEEP_RANGE_PAIRS) {
                kept.add(bucket);
            }
            onBucket.accept(bucket);
        });
        if (pairs[0] <= KEEP_RANGE_PAIRS) {
            RunMemo.keep(question, List.copyOf(kept));
        }
    }

    /**
     * Reads the range once, in time order, from the time index that holds the user and the tokens (never leaving it, never
     * sorting), and adds up each user's requests and tokens per bucket of {@code bucketMillis} counted from {@code from},
     * handing each bucket over at its end. Grouping in the database built a temporary table of a row per user and bucket
     * (minutes for 30 days of the 1M-user set); here a bucket's sums are the only state, a map of the users active in it.
     */
    private void stream(LocalDateTime from, LocalDateTime to, long bucketMillis, Consumer<Bucket> onBucket) {
        long start = from.toInstant(ZoneOffset.UTC).toEpochMilli();
        Map<Long, long[]> sums = new HashMap<>();
        long bucket = 0;
        try (var cursor = Candidates.query(dsl, """
                SELECT occurred_at, user_id, tokens_charged FROM usage_event FORCE INDEX (usage_event_occurred_idx)
                WHERE occurred_at >= {0} AND occurred_at < {1} ORDER BY occurred_at""", from, to).fetchSize(10_000).fetchLazy()) {
            for (org.jooq.Record r : cursor) {
                long at = r.get(0, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli();
                long b = bucketMillis == Long.MAX_VALUE ? 0 : (at - start) / bucketMillis;
                if (b != bucket && !sums.isEmpty()) {
                    onBucket.accept(Bucket.of(end(from, to, bucketMillis, bucket), sums));
                    sums = new HashMap<>();
                }
                bucket = b;
                long[] sum = sums.computeIfAbsent(r.get(1, Long.class), u -> new long[2]);
                sum[0]++;
                sum[1] += r.get(2, Long.class);
            }
        }
        if (!sums.isEmpty()) {
            onBucket.accept(Bucket.of(end(from, to, bucketMillis, bucket), sums));
        }
    }

    private static LocalDateTime end(LocalDateTime from, LocalDateTime to, long bucketMillis, long bucket) {
        LocalDateTime end = bucketMillis == Long.MAX_VALUE ? to : from.plusNanos(Math.multiplyExact(bucket + 1, bucketMillis) * 1_000_000L);
        return end.isAfter(to) ? to : end;
    }
}

package ru.rusoragentai.console.abuse.detect;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Questions about AI requests: how much, how fast, how often failing, on which models. */
@Repository
class UsageSignals {

    /** Tokens charged in the window and in the baseline before it. */
    record Spike(long userId, long current, long baseline) {
    }

    record Requests(long userId, long requests, long errors) {
    }

    /** Tokens charged in the window, in all and on the most expensive models. */
    record ModelShare(long userId, long total, long onExpensive) {
    }

    private final DSLContext dsl;

    UsageSignals(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Of the given users (or of everyone, for null), those charged at least {@code minTokens} with at least
     * {@code minRequests} requests in the window: a cheap first pass, so the costlier questions are asked only about
     * users who can match. For everyone it is one range of the occurred_at index; for given users, their own ranges.
     */
    java.util.Set<Long> heavy(Collection<Long> users, LocalDateTime from, LocalDateTime to, long minTokens, long minRequests) {
        java.util.Set<Long> heavy = new java.util.TreeSet<>();
        if (users == null || users.size() > 10 * Candidates.CHUNK || users.size() > Candidates.CHUNK && !from.plusDays(1).isBefore(to)) {
            // everyone, or so many users that one read of the range costs less than a look-up per user
            heavy.addAll(reached(windowSums(from, to), minTokens, minRequests));
            if (users != null) {
                heavy.retainAll(users instanceof java.util.Set<?> ? users : new java.util.HashSet<>(users));
            }
            return heavy;
        }
        for (List<Long> chunk : Candidates.chunks(users)) {
            heavy.addAll(Candidates.query(dsl, """
                    SELECT user_id FROM usage_event FORCE INDEX (usage_event_user_idx) WHERE user_id IN ({0}) AND occurred_at >= {1} AND occurred_at < {2}
                    GROUP BY user_id HAVING SUM(tokens_charged) >= {3} AND COUNT(*) >= {4}""",
                    Candidates.in(chunk), from, to, minTokens, minRequests).fetch(0, Long.class));
        }
        return heavy;
    }

    /**
     * Over a whole range: the users charged at least {@code minTokens} with at least {@code minRequests} requests within
     * a window-long bucket, by the end of that bucket. One streamed read of the range in time order.
     */
    Map<LocalDateTime, java.util.Set<Long>> heavyBuckets(LocalDateTime from, LocalDateTime to, int windowMinutes, long minTokens,
                                                         long minRequests) {
        Map<LocalDateTime, java.util.Set<Long>> buckets = new java.util.TreeMap<>();
        streamRange(from, to, windowMinutes * 60_000L, (end, sums) -> {
            java.util.Set<Long> users = reached(sums, minTokens, minRequests);
            if (!users.isEmpty()) {
                buckets.put(end, users);
            }
        });
        return buckets;
    }

    /** A window-long bucket's busy users and the median of requests per user active in it (NaN when cut short by the range). */
    record Busy(java.util.Set<Long> users, double peerMedian) {
    }

    /**
     * {@link #heavyBuckets} with each bucket's median of requests per active user taken from the same pass, so the peers'
     * rate costs no question of its own per bucket.
     */
    Map<LocalDateTime, Busy> busyBuckets(LocalDateTime from, LocalDateTime to, int windowMinutes, long minRequests) {
        Map<LocalDateTime, Busy> buckets = new java.util.TreeMap<>();
        streamRange(from, to, windowMinutes * 60_000L, (end, sums) -> {
            java.util.Set<Long> users = reached(sums, 0, minRequests);
            if (!users.isEmpty()) {
                boolean whole = end.isBefore(to) || Duration.between(from, to).toMinutes() % windowMinutes == 0;
                buckets.put(end, new Busy(users, whole ? median(sums.values().stream().mapToLong(sum -> sum[0]).toArray()) : Double.NaN));
            }
        });
        return buckets;
    }

    private static double median(long[] counts) {
        if (counts.length == 0) {
            return 0;
        }
        java.util.Arrays.sort(counts);
        int mid = counts.length / 2;
        return counts.length % 2 == 1 ? counts[mid] : (counts[mid - 1] + counts[mid]) / 2.0;
    }

    /** What a bucket of {@link #streamRange} hands over: its end and each active user's requests and tokens in it. */
    @FunctionalInterface
    private interface BucketSink {
        void accept(LocalDateTime end, Map<Long, long[]> sums);
    }

    /** Users kept in a run's memory with their sums for one window at most; a longer window is read again when asked. */
    private static final int MEMO_USERS = 200_000;

    /**
     * Each user's requests and tokens in the window, from one streamed read. Within a run (see {@link RunMemo}) the rules
     * that judge the same window share it: the last hour's read serves automation, usage spike and lock-step.
     */
    private Map<Long, long[]> windowSums(LocalDateTime from, LocalDateTime to) {
        return RunMemo.answer(List.of("usage-window", from, to), () -> {
            Map<Long, long[]> all = new HashMap<>();
            streamRange(from, to, Long.MAX_VALUE, (end, sums) -> all.putAll(sums));
            return java.util.Collections.unmodifiableMap(all);
        }, all -> all.size() <= MEMO_USERS);
    }

    /** The users with at least {@code minRequests} requests and {@code minTokens} tokens, ascending. */
    private static java.util.Set<Long> reached(Map<Long, long[]> sums, long minTokens, long minRequests) {
        java.util.Set<Long> found = new java.util.TreeSet<>();
        sums.forEach((user, sum) -> {
            if (sum[0] >= minRequests && sum[1] >= minTokens) {
                found.add(user);
            }
        });
        return found;
    }

    /**
     * Reads the range once, in time order, from the time index that holds the user and the tokens (never leaving it, never
     * sorting), and adds up each user's requests and tokens per bucket of {@code bucketMillis} counted from {@code from},
     * handing each bucket's sums over at its end. Grouping in the database built a temporary table of a row per user and
     * bucket (minutes for 30 days of the 1M-user set); here a bucket's sums are the only state, a map of the users active
     * in it.
     */
    private void streamRange(LocalDateTime from, LocalDateTime to, long bucketMillis, BucketSink onBucket) {
        long start = from.toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        Map<Long, long[]> sums = new HashMap<>();
        long bucket = 0;
        try (var cursor = Candidates.query(dsl, """
                SELECT occurred_at, user_id, tokens_charged FROM usage_event FORCE INDEX (usage_event_occurred_idx)
                WHERE occurred_at >= {0} AND occurred_at < {1} ORDER BY occurred_at""", from, to).fetchSize(10_000).fetchLazy()) {
            for (org.jooq.Record r : cursor) {
                long at = r.get(0, LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
                long b = bucketMillis == Long.MAX_VALUE ? 0 : (at - start) / bucketMillis;
                if (b != bucket && !sums.isEmpty()) {
                    onBucket.accept(bucketEnd(from, to, bucketMillis, bucket), sums);
                    sums = new HashMap<>();
                }
                bucket = b;
                long[] sum = sums.computeIfAbsent(r.get(1, Long.class), u -> new long[2]);
                sum[0]++;
                sum[1] += r.get(2, Long.class);
            }
        }
        if (!sums.isEmpty()) {
            onBucket.accept(bucketEnd(from, to, bucketMillis, bucket), sums);
        }
    }

    private static LocalDateTime bucketEnd(LocalDateTime from, LocalDateTime to, long bucketMillis, long bucket) {
        LocalDateTime end = bucketMillis == Long.MAX_VALUE ? to : from.plusNanos(Math.multiplyExact(bucket + 1, bucketMillis) * 1_000_000L);
        return end.isAfter(to) ? to : end;
    }

    // Queries about given users name the (user_id, occurred_at, ...) index: since V15 the time index also holds the user
    // and the tokens, and over a week the optimizer took a scan of millions of its entries for a chunk of 1,000 users.

    /** Each user's request times in the window (epoch milliseconds, ascending), from the covering user index. */
    Map<Long, long[]> requestTimes(Collection<Long> users, LocalDateTime from, LocalDateTime to) {
        Map<Long, List<Long>> times = new HashMap<>();
        for (List<Long> chunk : Candidates.chunks(users)) {
            Candidates.query(dsl, """
                    SELECT user_id, occurred_at FROM usage_event FORCE INDEX (usage_event_user_idx) WHERE user_id IN ({0}) AND occurred_at >= {1} AND occurred_at < {2}
                    ORDER BY user_id, occurred_at""", Candidates.in(chunk), from, to)
                    .forEach(r -> times.computeIfAbsent(r.get(0, Long.class), u -> new ArrayList<>())
                            .add(r.get(1, LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC).toEpochMilli()));
        }
        Map<Long, long[]> result = new HashMap<>();
        times.forEach((user, list) -> result.put(user, list.stream().mapToLong(Long::longValue).toArray()));
        return result;
    }

    /** Reads only the covering index (user_id, occurred_at, model, tokens_charged). */
    List<Spike> spikes(Collection<Long> users, LocalDateTime baselineFrom, LocalDateTime windowFrom, LocalDateTime asOf) {
        List<Spike> rows = new ArrayList<>();
        for (List<Long> chunk : Candidates.chunks(users)) {
            Candidates.query(dsl, """
                    SELECT user_id, SUM(IF(occurred_at >= {2}, tokens_charged, 0)), SUM(IF(occurred_at < {2}, tokens_charged, 0))
                    FROM usage_event FORCE INDEX (usage_event_user_idx) WHERE user_id IN ({0}) AND occurred_at >= {1} AND occurred_at < {3} GROUP BY user_id""",
                    Candidates.in(chunk), baselineFrom, windowFrom, asOf)
                    .fetch().forEach(r -> rows.add(new Spike(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class))));
        }
        return rows;
    }

    /** Tokens charged per day, for a user's evidence chart. */
    Map<LocalDate, Long> tokensPerDay(long userId, LocalDateTime from, LocalDateTime to) {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        Candidates.query(dsl, """
                SELECT DATE(occurred_at) d, SUM(tokens_charged) FROM usage_event FORCE INDEX (usage_event_user_idx)
                WHERE user_id = {0} AND occurred_at >= {1} AND occurred_at < {2} GROUP BY d ORDER BY d""", userId, from, to)
                .fetch().forEach(r -> days.put(r.get(0, LocalDate.class), r.get(1, Long.class)));
        return days;
    }

    List<Requests> requests(Collection<Long> users, LocalDateTime from, LocalDateTime to) {
        List<Requests> rows = new ArrayList<>();
        for (List<Long> chunk : Candidates.chunks(users)) {
            Candidates.query(dsl, """
                    SELECT user_id, COUNT(*), SUM(status <> 'ok') FROM usage_event FORCE INDEX (usage_event_user_idx)
                    WHERE user_id IN ({0}) AND occurred_at >= {1} AND occurred_at < {2} GROUP BY user_id""",
                    Candidates.in(chunk), from, to)
                    .fetch().forEach(r -> rows.add(new Requests(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class))));
        }
        return rows;
    }

    /**
     * The median of requests per active user in the window: the peers' rate, which a few very busy accounts (the ones
     * being judged) cannot drag up as they would an average.
     */
    double peerRequestsPerUser(LocalDateTime from, LocalDateTime to) {
        return median(windowSums(from, to).values().stream().mapToLong(sum -> sum[0]).toArray());
    }

    /**
     * The {@code top} most expensive models by the price list operators keep, if they keep one.
     */
    List<String> listedExpensiveModels(int top) {
        return Candidates.query(dsl, """
                SELECT model FROM model_price ORDER BY tokens_per_million_output DESC, tokens_per_million_input DESC LIMIT {0}""", top)
                .fetch(0, String.class);
    }

    /**
     * Without a price list: the models that charged most per token among the newest {@code sample} requests (a range of
     * the primary key, read from memory), which stand for current usage without reading a week of events.
     */
    List<String> measuredExpensiveModels(int top, int sample) {
        return Candidates.query(dsl, """
                SELECT model FROM usage_event WHERE id > (SELECT MAX(id) - {1} FROM usage_event) AND status = 'ok'
                GROUP BY model ORDER BY SUM(tokens_charged) / NULLIF(SUM(input_tokens + output_tokens), 0) DESC LIMIT {0}""",
                top, sample).fetch(0, String.class);
    }

    List<ModelShare> modelShares(Collection<Long> users, List<String> expensive, LocalDateTime from, LocalDateTime to) {
        List<ModelShare> rows = new ArrayList<>();
        if (expensive.isEmpty()) {
            return rows;
        }
        var models = org.jooq.impl.DSL.list(expensive.stream().map(org.jooq.impl.DSL::val).toList());
        for (List<Long> chunk : Candidates.chunks(users)) {
            Candidates.query(dsl, """
                    SELECT user_id, SUM(tokens_charged), SUM(IF(model IN ({1}), tokens_charged, 0)) FROM usage_event FORCE INDEX (usage_event_user_idx)
                    WHERE user_id IN ({0}) AND occurred_at >= {2} AND occurred_at < {3} GROUP BY user_id""",
                    Candidates.in(chunk), models, from, to)
                    .fetch().forEach(r -> rows.add(new ModelShare(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class))));
        }
        return rows;
    }

    /** Tokens a user was charged in a period (heavy use before a chargeback). */
    long tokensCharged(long userId, LocalDateTime from, LocalDateTime to) {
        Long sum = Candidates.query(dsl, """
                SELECT SUM(tokens_charged) FROM usage_event FORCE INDEX (usage_event_user_idx) WHERE user_id = {0} AND occurred_at >= {1} AND occurred_at < {2}""",
                userId, from, to).fetchSingle().get(0, Long.class);
        return sum == null ? 0 : sum;
    }
}

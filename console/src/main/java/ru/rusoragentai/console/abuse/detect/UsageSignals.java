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
    private final UsageBuckets buckets;

    UsageSignals(DSLContext dsl, UsageBuckets buckets) {
        this.dsl = dsl;
        this.buckets = buckets;
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
            heavy.addAll(buckets.window(from, to).reached(minTokens, minRequests));
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
        Map<LocalDateTime, java.util.Set<Long>> found = new java.util.TreeMap<>();
        buckets.forEach(from, to, windowMinutes, minTokens, minRequests, bucket -> {
            java.util.Set<Long> users = bucket.reached(minTokens, minRequests);
            if (!users.isEmpty()) {
                found.put(bucket.end(), users);
            }
        });
        return found;
    }

    /** A window-long bucket's busy users and the median of requests per user active in it (NaN when cut short by the range). */
    record Busy(java.util.Set<Long> users, double peerMedian) {
    }

    /**
     * {@link #heavyBuckets} with each bucket's median of requests per active user taken from the same pass, so the peers'
     * rate costs no question of its own per bucket.
     */
    Map<LocalDateTime, Busy> busyBuckets(LocalDateTime from, LocalDateTime to, int windowMinutes, long minRequests) {
        Map<LocalDateTime, Busy> found = new java.util.TreeMap<>();
        buckets.forEach(from, to, windowMinutes, 0, minRequests, bucket -> {
            java.util.Set<Long> users = bucket.reached(0, minRequests);
            if (!users.isEmpty()) {
                boolean whole = bucket.end().isBefore(to) || Duration.between(from, to).toMinutes() % windowMinutes == 0;
                found.put(bucket.end(), new Busy(users, whole ? bucket.medianRequests() : Double.NaN));
            }
        });
        return found;
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
        return buckets.window(from, to).medianRequests();
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

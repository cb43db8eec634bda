package ru.rusoragentai.console.abuse.detect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
            return new Bucket(end, users, requests, tokens, median(requests));
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
        private static double median(int[] requests) {
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
        if (!RunMemo.running() || known != null) {
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
     * (minutes for 30 days of the 1M-user set); here a bucket's sums are the only state, a map of the users active in it.
     * Plain JDBC: 13.4M rows through jOOQ records cost several times the database's own read of them.
     */
    private void stream(LocalDateTime from, LocalDateTime to, long bucketMillis, Consumer<Bucket> onBucket) {
        long start = from.toInstant(ZoneOffset.UTC).toEpochMilli();
        dsl.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT occurred_at, user_id, tokens_charged FROM usage_event FORCE INDEX (usage_event_occurred_idx)
                    WHERE occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at""")) {
                statement.setObject(1, from);
                statement.setObject(2, to);
                statement.setFetchSize(10_000);
                Map<Long, long[]> sums = new HashMap<>();
                long bucket = 0;
                EpochMillis times = new EpochMillis();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long at = times.of(rows.getString(1));
                        long b = bucketMillis == Long.MAX_VALUE ? 0 : (at - start) / bucketMillis;
                        if (b != bucket && !sums.isEmpty()) {
                            onBucket.accept(Bucket.of(end(from, to, bucketMillis, bucket), sums));
                            sums = new HashMap<>();
                        }
                        bucket = b;
                        long[] sum = sums.computeIfAbsent(rows.getLong(2), u -> new long[2]);
                        sum[0]++;
                        sum[1] += rows.getLong(3);
                    }
                }
                if (!sums.isEmpty()) {
                    onBucket.accept(Bucket.of(end(from, to, bucketMillis, bucket), sums));
                }
            }
        });
    }

    /**
     * Epoch milliseconds of a DATETIME as MariaDB writes it, "yyyy-MM-dd HH:mm:ss[.ffffff]" (UTC, as every time here),
     * the date parsed once per day: a range's rows come in time order, and parsing each into a LocalDateTime was a
     * third of the read's time.
     */
    static final class EpochMillis {

        private String day = "";
        private long dayMillis;

        long of(String text) {
            if (text.length() < 19 || text.charAt(10) != ' ') {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (!text.regionMatches(0, day, 0, 10) || day.isEmpty()) {
                day = text.substring(0, 10);
                dayMillis = java.time.LocalDate.parse(day).toEpochDay() * 86_400_000L;
            }
            long millis = dayMillis + (two(text, 11) * 3600L + two(text, 14) * 60L + two(text, 17)) * 1000L;
            int scale = 100;
            for (int i = 20; i < text.length() && scale > 0; i++, scale /= 10) {
                millis += (text.charAt(i) - '0') * scale;
            }
            return millis;
        }

        private static int two(String text, int at) {
            return (text.charAt(at) - '0') * 10 + text.charAt(at + 1) - '0';
        }
    }

    private static LocalDateTime end(LocalDateTime from, LocalDateTime to, long bucketMillis, long bucket) {
        LocalDateTime end = bucketMillis == Long.MAX_VALUE ? to : from.plusNanos(Math.multiplyExact(bucket + 1, bucketMillis) * 1_000_000L);
        return end.isAfter(to) ? to : end;
    }
}

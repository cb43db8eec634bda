package ru.rusoragentai.console.usage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;

/**
 * One day's events folded in a single pass into the analysts' roll-up rows (per provider, model, feature and country:
 * requests, errors, tokens, a latency histogram and the distinct users), the day's distinct active users and, when asked
 * for, the per-user roll-up ({@code usage_daily}: per user and model, of every user, excluded or not).
 */
final class UsageDayFold {

    private static final int[] LATENCY_BOUNDS_MS = LatencyBuckets.boundsMillis();

    /** One roll-up row's key. */
    record Key(String provider, String model, String feature, String country) {
    }

    /** One roll-up row's sums. */
    static final class Sums {
        int requests;
        int errors;
        long inputTokens;
        long outputTokens;
        long tokensCharged;
        final long[] latency = new long[LATENCY_BOUNDS_MS.length + 1];
        final RoaringBitmap users = new RoaringBitmap();

        /** The histogram as the roll-up stores it: requests per bucket, comma-separated. */
        String latencyHist() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < latency.length; i++) {
                text.append(i == 0 ? "" : ",").append(latency[i]);
            }
            return text.toString();
        }
    }

    /** One {@code usage_daily} row's key. */
    record DailyKey(long userId, String model) {
    }

    /** One {@code usage_daily} row's sums; the provider is the least of the row's (as MIN() in SQL gave it). */
    static final class DailySums {
        String provider;
        int events;
        long inputTokens;
        long outputTokens;
        long tokensCharged;
    }

    private final Map<Key, Sums> rows = new LinkedHashMap<>();
    private final Map<DailyKey, DailySums> daily = new java.util.HashMap<>();
    private final RoaringBitmap active = new RoaringBitmap();
    private @Nullable Key lastKey;
    private @Nullable Sums lastSums;

    /** Adds one event. */
    void add(String provider, String model, String feature, String country, long userId, boolean error, long inputTokens,
             long outputTokens, long tokensCharged, int latencyMs) {
        Sums sums = sums(provider, model, feature, country);
        int user = Bitmaps.id(userId);
        sums.requests++;
        if (error) {
            sums.errors++;
        }
        sums.inputTokens += inputTokens;
        sums.outputTokens += outputTokens;
        sums.tokensCharged += tokensCharged;
        sums.latency[bucket(latencyMs)]++;
        sums.users.add(user);
        active.add(user);
    }

    Map<Key, Sums> rows() {
        return rows;
    }

    /** Adds one event to the per-user roll-up. */
    void addDaily(long userId, String provider, String model, long inputTokens, long outputTokens, long tokensCharged) {
        DailySums sums = daily.computeIfAbsent(new DailyKey(userId, model), k -> new DailySums());
        if (sums.provider == null || provider.compareTo(sums.provider) < 0) {
            sums.provider = provider;
        }
        sums.events++;
        sums.inputTokens += inputTokens;
        sums.outputTokens += outputTokens;
        sums.tokensCharged += tokensCharged;
    }

    /** The per-user roll-up rows, empty unless {@link #addDaily} was called. */
    Map<DailyKey, DailySums> daily() {
        return daily;
    }

    /** Everyone who had an event on the day. */
    RoaringBitmap active() {
        return active;
    }

    private Sums sums(String provider, String model, String feature, String country) {
        if (lastKey != null && lastKey.provider().equals(provider) && lastKey.model().equals(model)
                && lastKey.feature().equals(feature) && lastKey.country().equals(country)) {
            return java.util.Objects.requireNonNull(lastSums);
        }
        Key key = new Key(provider, model, feature, country);
        Sums sums = rows.computeIfAbsent(key, k -> new Sums());
        lastKey = key;
        lastSums = sums;
        return sums;
    }

    /** The bucket of a latency: the first whose upper bound is above it, or the last, open one. */
    static int bucket(int latencyMs) {
        int at = Arrays.binarySearch(LATENCY_BOUNDS_MS, latencyMs);
        return at >= 0 ? at + 1 : -at - 1;
    }
}

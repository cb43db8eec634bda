package ru.rusoragentai.console.analytics;

import ru.rusoragentai.console.usage.LatencyBuckets;

/**
 * Requests per latency bucket, merged across roll-up rows; percentiles are read off it. The bounds are the roll-up's
 * ({@link LatencyBuckets}); a percentile is interpolated inside the bucket that holds
 * it, so it is exact to within that bucket.
 */
final class LatencyHistogram {

    /** Upper bounds (exclusive) of the buckets, in milliseconds; the last bucket is open. */
    static final int[] BOUNDS_MS = LatencyBuckets.boundsMillis();

    private final long[] counts = new long[BOUNDS_MS.length + 1];

    /** Adds a roll-up row's histogram ("3,0,12,..."). */
    void add(String csv) {
        int bucket = 0;
        long value = 0;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == ',') {
                counts[bucket++] += value;
                value = 0;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        counts[bucket] += value;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** The {@code q}-quantile (0 to 1) in milliseconds by nearest rank, interpolated in its bucket; 0 when empty. */
    int percentile(double q) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            if (seen + counts[i] >= rank) {
                int lower = i == 0 ? 0 : BOUNDS_MS[i - 1];
                if (i == BOUNDS_MS.length) {
                    return lower;
                }
                double within = (double) (rank - seen) / counts[i];
                return (int) Math.min(BOUNDS_MS[i] - 1, Math.round(lower + within * (BOUNDS_MS[i] - lower)));
            }
            seen += counts[i];
        }
        return BOUNDS_MS[BOUNDS_MS.length - 1];
    }

    /** The bucket a latency falls in (for tests that compare with exact values). */
    static int bucketOf(int millis) {
        for (int i = 0; i < BOUNDS_MS.length; i++) {
            if (millis < BOUNDS_MS[i]) {
                return i;
            }
        }
        return BOUNDS_MS.length;
    }
}

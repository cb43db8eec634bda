package ru.rusoragentai.console.usage;

/** The latency buckets of the analysts' roll-up: each row counts its requests per bucket. */
public final class LatencyBuckets {

    /** Upper bounds (exclusive) of the buckets in milliseconds; a last, open bucket holds everything slower. */
    private static final int[] BOUNDS_MS = {100, 200, 300, 500, 750, 1_000, 1_500, 2_000, 3_000, 4_000, 5_000, 7_500, 10_000,
            15_000, 20_000, 30_000, 60_000};

    private LatencyBuckets() {
    }

    /** A copy of the bounds. */
    public static int[] boundsMillis() {
        return BOUNDS_MS.clone();
    }
}

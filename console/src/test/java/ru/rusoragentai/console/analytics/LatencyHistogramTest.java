package ru.rusoragentai.console.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void shouldPlaceEachPercentileInTheBucketOfTheExactOne() {
        Random random = new Random(7);
        List<Integer> latencies = new ArrayList<>();
        int[] counts = new int[LatencyHistogram.BOUNDS_MS.length + 1];
        for (int i = 0; i < 5_000; i++) {
            int millis = (int) Math.min(90_000, Math.exp(random.nextGaussian() * 1.2 + 6.5));
            latencies.add(millis);
            counts[LatencyHistogram.bucketOf(millis)]++;
        }
        LatencyHistogram histogram = new LatencyHistogram();
        StringBuilder csv = new StringBuilder();
        for (int count : counts) {
            csv.append(csv.isEmpty() ? "" : ",").append(count);
        }
        histogram.add(csv.toString());
        latencies.sort(null);

        for (double q : new double[] {0.01, 0.5, 0.9, 0.95, 0.99}) {
            int exact = latencies.get((int) Math.ceil(q * latencies.size()) - 1);
            assertThat(LatencyHistogram.bucketOf(histogram.percentile(q))).as("q=" + q).isEqualTo(LatencyHistogram.bucketOf(exact));
        }
    }

    @Test
    void shouldMergeHistogramsAndSayZeroWhenEmpty() {
        LatencyHistogram empty = new LatencyHistogram();
        assertThat(empty.percentile(0.5)).isZero();
        LatencyHistogram fast = new LatencyHistogram();
        fast.add("10,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0");
        LatencyHistogram slow = new LatencyHistogram();
        slow.add("0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,30");
        fast.add(slow);
        assertThat(fast.percentile(0.2)).isLessThan(100);
        assertThat(fast.percentile(0.95)).as("the open last bucket says its lower bound").isEqualTo(60_000);
        assertThat(LatencyHistogram.bucketOf(99)).isZero();
        assertThat(LatencyHistogram.bucketOf(100)).isEqualTo(1);
    }
}

package ru.rusoragentai.console.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts failures per key (a client address, an account name) and refuses a key once it has failed {@code limit}
 * times with less than {@code coolDown} between one failure and the next. Keys nobody has used for {@code coolDown}
 * are forgotten, and at most {@code maxKeys} are held, so made-up names cannot fill the memory. Time comes from the
 * console's clock. Counts are per instance: behind a load balancer each instance throttles on its own.
 */
public final class Throttle {

    private final int limit;
    private final Cache<String, Integer> failures;

    public Throttle(int limit, Duration coolDown, long maxKeys, Clock clock) {
        this.limit = limit;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(coolDown)
                .maximumSize(maxKeys)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** True while {@code key} has used up its failures. */
    public boolean isBlocked(String key) {
        Integer count = failures.getIfPresent(key);
        return count != null && count >= limit;
    }

    /** One more failure for {@code key}; returns the count in the current window. */
    public int recordFailure(String key) {
        return failures.asMap().merge(key, 1, Integer::sum);
    }

    public void reset(String key) {
        failures.invalidate(key);
    }
}

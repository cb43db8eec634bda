package ru.rusoragentai.console.payments;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.plugins.PluginException;

/**
 * A circuit breaker per payment channel around webhook parsing (resilience4j). A slow or failing plugin call
 * fails only its own delivery; when failures pile up the breaker opens, deliveries are held (kept for replay, 503
 * so the vendor retries) without waiting on the plugin, and after a pause one trial call decides whether it closes
 * again. Nothing here marks the plugin failed: it recovers on its own.
 */
@Component
class ChannelBreakers {

    private static final Logger log = LoggerFactory.getLogger(ChannelBreakers.class);

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final CircuitBreakerConfig config;

    ChannelBreakers(WebhookProperties properties, Clock clock) {
        this.config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerCalls())
                .minimumNumberOfCalls(Math.min(3, properties.breakerCalls()))
                .failureRateThreshold(properties.breakerFailureRate())
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build();
    }

    /**
     * Runs one parse call through the channel's breaker.
     *
     * @throws ChannelPausedException when the breaker is open: the plugin was not called
     * @throws PluginException        when the call failed or timed out (recorded as a failure)
     */
    <T> T call(String channelId, Supplier<T> work) {
        CircuitBreaker breaker = breakers.computeIfAbsent(channelId, this::create);
        if (!breaker.tryAcquirePermission()) {
            throw new ChannelPausedException(channelId);
        }
        long start = System.nanoTime();
        try {
            T result = work.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    /** closed, open or half_open; closed for a channel that has had no call. */
    String state(String channelId) {
        CircuitBreaker breaker = breakers.get(channelId);
        return breaker == null ? "closed" : breaker.getState().name().toLowerCase(java.util.Locale.ROOT);
    }

    private CircuitBreaker create(String channelId) {
        CircuitBreaker breaker = CircuitBreaker.of("webhook-" + channelId, config);
        breaker.getEventPublisher().onStateTransition(e -> log.warn("Webhook intake for {}: circuit {}", channelId,
                e.getStateTransition()));
        return breaker;
    }

    /** The channel's breaker is open: deliveries are held without calling the plugin. */
    static final class ChannelPausedException extends PluginException {
        ChannelPausedException(String channelId) {
            super("plugins.error.paused", channelId);
        }
    }
}

package ru.rusoragentai.console.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock every test context runs on: it starts at a fixed instant and ticks with real time, so that
 * ordering and timeouts behave as in production while dates never depend on the day the suite runs.
 * {@code CONSOLE_TEST_CLOCK} (an ISO instant) moves the start, e.g. to the first or last day of a month
 * or to 29 February; tests move it forward with {@link #advance} (a lock that ends, a window that passes).
 */
public final class TestClock extends Clock {

    /** A mid-month weekday, far from month and year ends; override with CONSOLE_TEST_CLOCK. */
    static final Instant DEFAULT_START = Instant.parse("2026-06-17T10:00:00Z");

    private static final TestClock INSTANCE = new TestClock(start());

    private final Instant start;
    private final long startNanos = System.nanoTime();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private TestClock(Instant start) {
        this.start = start;
    }

    public static TestClock get() {
        return INSTANCE;
    }

    /** Now, in UTC as the database stores it. */
    public static LocalDateTime now() {
        return LocalDateTime.now(INSTANCE);
    }

    public static LocalDate today() {
        return LocalDate.now(INSTANCE);
    }

    /** Moves every test's "now" forward (or back, with a negative duration). */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return start.plusNanos(System.nanoTime() - startNanos).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        TestClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }

    private static Instant start() {
        String configured = System.getenv("CONSOLE_TEST_CLOCK");
        return configured == null || configured.isBlank() ? DEFAULT_START : Instant.parse(configured.strip());
    }
}

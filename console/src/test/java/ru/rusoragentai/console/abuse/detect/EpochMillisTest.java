package ru.rusoragentai.console.abuse.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EpochMillisTest {

    private static long expected(String iso) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void readsMariaDbsTextAcrossDaysAndFractionLengths() {
        var times = new UsageBuckets.EpochMillis();
        assertEquals(expected("2026-12-05T23:59:59.999"), times.of("2026-12-05 23:59:59.999"));
        assertEquals(expected("2026-12-06T00:00:00"), times.of("2026-12-06 00:00:00.000"));
        assertEquals(expected("2026-12-06T12:52:04.5"), times.of("2026-12-06 12:52:04.5"));
        assertEquals(expected("2026-12-06T12:52:04.123"), times.of("2026-12-06 12:52:04.123456"));
        assertEquals(expected("2026-12-06T12:52:04"), times.of("2026-12-06 12:52:04"));
        assertEquals(expected("2024-02-29T08:07:06.050"), times.of("2024-02-29 08:07:06.050"));
        assertEquals(expected("1999-12-31T23:00:00"), times.of("1999-12-31 23:00:00.000"));
    }

    @Test
    void fallsBackToTheParserForAnotherShape() {
        assertEquals(expected("2026-12-06T12:52:04.25"), new UsageBuckets.EpochMillis().of("2026-12-06T12:52:04.25"));
    }
}

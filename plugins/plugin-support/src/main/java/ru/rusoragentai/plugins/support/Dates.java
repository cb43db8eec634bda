package ru.rusoragentai.plugins.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** UTC day arithmetic for usage reports. */
public final class Dates {

    private Dates() {
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The UTC day of an RFC 3339 timestamp such as {@code 2026-11-01T00:00:00Z}. */
    public static LocalDate dayOf(String rfc3339) {
        return dayOf(Instant.parse(rfc3339));
    }
}

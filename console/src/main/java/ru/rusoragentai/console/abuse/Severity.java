package ru.rusoragentai.console.abuse;

import java.util.Locale;

/** How bad a rule's match is; shown as a badge and used as a queue filter. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

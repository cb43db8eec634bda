package ru.rusoragentai.console.privacy;

import java.util.Locale;

/** Which law a request is answered under; it decides the deadlines. */
public enum Jurisdiction {
    GDPR, CCPA, OTHER;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Jurisdiction fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

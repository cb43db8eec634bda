package ru.rusoragentai.console.tokens;

import java.util.Locale;

/** Why support changed a balance by hand. */
public enum ReasonCode {
    GOODWILL, COMPENSATION, CORRECTION, FRAUD_REVERSAL, OTHER;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReasonCode fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

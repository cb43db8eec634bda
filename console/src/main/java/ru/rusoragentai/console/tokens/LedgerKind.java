package ru.rusoragentai.console.tokens;

import java.util.Locale;

/** Why a balance changed. Stored in lower case. */
public enum LedgerKind {
    PURCHASE, USAGE, ADJUSTMENT, REFUND, CHARGEBACK, BONUS, EXPIRY,
    /** Bonus tokens frozen (negative) or released (positive) by abuse monitoring. */
    FREEZE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LedgerKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

package ru.rusoragentai.console.abuse;

import java.util.Locale;

/** Graduated measures, mildest first; each can be reverted. */
public enum ActionKind {
    /** Marks the user for attention; changes nothing for them. */
    WATCH,
    /** A daily token cap ({@code app_user.daily_token_cap}). */
    CAP,
    /** Takes the unspent free tokens out of the balance into a frozen ledger entry. */
    FREEZE,
    /** Suspends the account. */
    SUSPEND,
    /** Suspends and blocks the Telegram id, networks and devices until a date. */
    BAN;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActionKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

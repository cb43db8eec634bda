package ru.rusoragentai.console.payments;

import java.util.Locale;

/** What became of a webhook delivery. Stored in lower case. */
public enum InboxStatus {
    /** Verified and applied: tokens credited or debited, or a cancellation recorded. */
    APPLIED,
    /** Verified, but the same event was applied before (a vendor retry): nothing changed. */
    DUPLICATE,
    /** Verified, but of a kind that moves no tokens. */
    IGNORED,
    /** Signature missing or wrong, or no such channel: nothing applied (401/404). */
    REJECTED,
    /** Signed but unreadable (400). */
    MALFORMED,
    /** Verified but parked: unknown Telegram user, unmapped product, or no payment to reverse. Replayable. */
    UNMATCHED,
    /** The plugin or the database failed; the vendor will retry, an operator may replay. */
    FAILED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InboxStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether an operator may replay a delivery in this status. */
    public boolean replayable() {
        return this == UNMATCHED || this == FAILED;
    }
}

package ru.rusoragentai.console.privacy;

import java.util.Locale;

/** Where a request stands: received → identity verified → in progress → (awaiting approval →) completed, or rejected. */
public enum RequestStatus {
    RECEIVED, IDENTITY_VERIFIED, IN_PROGRESS, AWAITING_APPROVAL, COMPLETED, REJECTED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean open() {
        return this != COMPLETED && this != REJECTED;
    }
}

package ru.rusoragentai.console.privacy;

import java.util.Locale;

/** The right a data subject exercises. */
public enum RequestType {
    ACCESS, PORTABILITY, CORRECTION, DELETION, OBJECTION, RESTRICTION, REPORTED_MINOR;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestType fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Deletion and reported minors need a second PRIVACY_OFFICER or ADMIN to approve. */
    public boolean needsApproval() {
        return this == DELETION || this == REPORTED_MINOR;
    }

    /** Types whose answer is a data package or an erasure run (built by background jobs). */
    public boolean needsJob() {
        return this == ACCESS || this == PORTABILITY || this == DELETION || this == REPORTED_MINOR;
    }
}

package ru.rusoragentai.console.privacy;

import java.util.Locale;

/** How the requester proved they are the data subject. */
public enum VerificationMethod {
    TELEGRAM_ACCOUNT, EMAIL_CONFIRMATION, OTHER;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package ru.rusoragentai.console.abuse;

import java.util.Locale;

/** new -> in review -> confirmed or dismissed (a false positive). */
public enum FlagStatus {
    NEW, IN_REVIEW, CONFIRMED, DISMISSED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FlagStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean open() {
        return this == NEW || this == IN_REVIEW;
    }
}

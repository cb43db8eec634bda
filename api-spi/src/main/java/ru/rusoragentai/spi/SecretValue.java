package ru.rusoragentai.spi;

import java.util.Objects;

/**
 * A decrypted credential. {@link #toString()} never shows it, so it cannot leak through a log line or an
 * exception message by accident; only {@link #reveal()} does, at the point of use.
 */
public final class SecretValue {

    private final String value;

    private SecretValue(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static SecretValue of(String value) {
        return new SecretValue(value);
    }

    /** The plain credential, for an HTTP header or a signature key; never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "SecretValue[******]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretValue that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}

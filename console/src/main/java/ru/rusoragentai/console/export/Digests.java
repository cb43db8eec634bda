package ru.rusoragentai.console.export;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digests exports carry as checksums. */
public final class Digests {

    private Digests() {
    }

    /** A fresh SHA-256 digest (every JDK has one). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package ru.rusoragentai.console.analytics;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms for the users of one report view or export: a keyed hash (HMAC-SHA256) of the user id under a key made
 * for that view or export alone. The same user has the same pseudonym throughout one of them and another in the next;
 * without the key, which is never shown, stored or logged, a pseudonym cannot be tied to a user or to another one.
 * One thread at a time, like the {@link Mac} it holds.
 */
public final class Pseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();

    // the last pseudonyms made, by user id (direct-mapped): an export meets the same user many times in a row, and a
    // keyed hash costs more than the rest of writing the row
    private static final int CACHED = 4_096;

    private final Mac mac;
    private final long[] cachedIds = new long[CACHED];
    private final String[] cachedNames = new String[CACHED];

    private Pseudonyms(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A fresh key, for one view or one export. */
    public static Pseudonyms fresh() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new Pseudonyms(key);
    }

    /** "u-" and 16 characters of URL-safe Base64 (96 bits of the hash). */
    public String of(long userId) {
        int slot = (int) (userId ^ (userId >>> 32)) & (CACHED - 1);
        String cached = cachedNames[slot];
        if (cached != null && cachedIds[slot] == userId) {
            return cached;
        }
        String name = hash(userId);
        cachedIds[slot] = userId;
        cachedNames[slot] = name;
        return name;
    }

    private String hash(long userId) {
        byte[] hash = mac.doFinal(Long.toString(userId).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return "u-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 16);
    }
}

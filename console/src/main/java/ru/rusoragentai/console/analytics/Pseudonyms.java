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
 */
public final class Pseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Mac mac;

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
        byte[] hash = mac.doFinal(Long.toString(userId).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return "u-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 16);
    }
}

package ru.rusoragentai.console.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.crypto.SecretCipher;

/**
 * Seals a user's personal details in an audit event under a key of that user's (AES-256-GCM), written into the
 * event's details as {@code [sealed:<user id>:<base64>]}. The chain hashes that text, so destroying the key on
 * erasure makes the details unreadable without breaking the chain; reading shows them while the key exists.
 */
@Component
class SubjectSeal {

    static final String ERASED = "(personal details erased with the subject)";
    private static final Pattern SEALED = Pattern.compile("\\[sealed:(\\d+):([A-Za-z0-9+/=]+)]");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubjectKeyRepository keys;
    private final SecretCipher cipher;

    SubjectSeal(SubjectKeyRepository keys, SecretCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    /** The sealed form of {@code personal}, creating the user's key on first use (in the caller's transaction). */
    String seal(long userId, String personal, LocalDateTime now) {
        byte[] key = keys.find(userId).map(cipher::decrypt).orElseGet(() -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            keys.insertIfAbsent(userId, cipher.encrypt(fresh), now);
            return keys.find(userId).map(cipher::decrypt).orElseThrow();
        });
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = gcm.doFinal(personal.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return "[sealed:" + userId + ":" + Base64.getEncoder().encodeToString(out) + "]";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal audit details", e);
        }
    }

    /** {@code details} with every sealed part opened, or replaced by {@link #ERASED} when its key is gone. */
    String reveal(String details) {
        if (details == null || !details.contains("[sealed:")) {
            return details;
        }
        Map<Long, Optional<byte[]>> cache = new HashMap<>();
        Matcher m = SEALED.matcher(details);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long userId = Long.parseLong(m.group(1));
            Optional<byte[]> key = cache.computeIfAbsent(userId, id -> keys.find(id).map(cipher::decrypt));
            m.appendReplacement(out, Matcher.quoteReplacement(key.map(k -> open(k, m.group(2))).orElse(ERASED)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String open(byte[] key, String base64) {
        try {
            byte[] in = Base64.getDecoder().decode(base64);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, 12));
            return new String(gcm.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return ERASED;
        }
    }
}

package ru.rusoragentai.console.abuse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.crypto.SecretCipher;

/**
 * The keyed hash blocklist entries are matched by: HMAC-SHA256 of {@code kind + ":" + value} (a Telegram id in
 * decimal, a network or device as upper-case hex of the stored bytes) under {@code console.abuse.blocklist-key}, which
 * the platform is given too; without one, a key derived from this installation's master key.
 */
@Component
class BlocklistHash {

    private final byte[] key;
    private final SecretCipher cipher;

    BlocklistHash(AbuseProperties properties, SecretCipher cipher) {
        this.key = properties.blocklistKey().isBlank() ? null : Base64.getDecoder().decode(properties.blocklistKey());
        this.cipher = cipher;
    }

    byte[] of(String kind, String value) {
        String message = kind + ":" + value;
        if (key == null) {
            return HexFormat.of().parseHex(cipher.hmacHex("abuse-blocklist|" + message));
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }
}

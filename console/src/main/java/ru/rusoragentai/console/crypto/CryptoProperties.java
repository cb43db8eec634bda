package ru.rusoragentai.console.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Source of the 256-bit master key. {@code masterKey} (base64, from the environment variable
 * CONSOLE_CRYPTO_MASTER_KEY) wins; otherwise the key file is read, and created with owner-only
 * permissions on first start.
 */
@ConfigurationProperties("console.crypto")
public record CryptoProperties(String masterKey, @DefaultValue("./data/master.key") String keyFile) {
}

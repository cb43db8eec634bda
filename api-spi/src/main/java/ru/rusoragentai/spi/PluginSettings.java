package ru.rusoragentai.spi;

import java.util.Optional;

/** A plugin's current settings, as the operator saved them (defaults applied). Thread-safe, immutable. */
public interface PluginSettings {

    /** A non-secret setting, or empty when unset and without default. */
    Optional<String> get(String name);

    /** A secret setting, or empty when unset. */
    Optional<SecretValue> secret(String name);

    /**
     * A non-secret setting that must be set.
     *
     * @throws PluginCallException naming the setting when it is unset
     */
    default String require(String name) {
        return get(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new PluginCallException(PluginMessage.settingMissing(name)));
    }

    /**
     * A secret setting that must be set.
     *
     * @throws PluginCallException naming the setting when it is unset
     */
    default SecretValue requireSecret(String name) {
        return secret(name).orElseThrow(() -> new PluginCallException(PluginMessage.secretMissing(name)));
    }
}

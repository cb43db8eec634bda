package ru.rusoragentai.spi;

import org.jspecify.annotations.Nullable;

/**
 * An expected failure of a plugin call: the remote system is unreachable or answered with an error, or a
 * setting is missing. The console reports it to the operator and keeps the plugin running. Any other exception
 * a plugin throws marks the plugin failed. The message must never contain a secret.
 */
public class PluginCallException extends RuntimeException {

    private final transient PluginMessage said;

    /** A failure said in English only; never a secret in {@code message}. */
    public PluginCallException(String message) {
        this(PluginMessage.english(message), null);
    }

    /** A failure said in English only, with the exception behind it. */
    public PluginCallException(String message, @Nullable Throwable cause) {
        this(PluginMessage.english(message), cause);
    }

    /** @since 1.2.0 a failure the console can say in the operator's language */
    public PluginCallException(PluginMessage said) {
        this(said, null);
    }

    /** @since 1.2.0 a failure the console can say in the operator's language */
    public PluginCallException(PluginMessage said, @Nullable Throwable cause) {
        super(said.english(), cause);
        this.said = said;
    }

    /** @since 1.2.0 what failed, as a sentence the console can translate; {@link #getMessage()} is its English */
    public PluginMessage said() {
        return said;
    }
}

package ru.rusoragentai.spi;

/**
 * An expected failure of a plugin call: the remote system is unreachable or answered with an error, or a
 * setting is missing. The console reports it to the operator and keeps the plugin running. Any other exception
 * a plugin throws marks the plugin failed. The message must never contain a secret.
 */
public class PluginCallException extends RuntimeException {

    public PluginCallException(String message) {
        super(message);
    }

    public PluginCallException(String message, Throwable cause) {
        super(message, cause);
    }
}

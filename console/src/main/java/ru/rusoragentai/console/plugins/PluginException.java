package ru.rusoragentai.console.plugins;

/** A plugin operation or call did not succeed; the message is for the operator and never holds a secret. */
public class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}

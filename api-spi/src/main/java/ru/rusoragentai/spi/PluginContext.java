package ru.rusoragentai.spi;

import java.time.Clock;

/**
 * Everything a plugin gets from the console for one call. Created by the console per call; plugins must not
 * keep it beyond the call.
 */
public interface PluginContext {

    /** The plugin's settings with secrets decrypted. */
    PluginSettings settings();

    /** An HTTP client bound to the plugin's {@code base-url} setting, with the console's timeouts. */
    PluginHttpClient http();

    /** The console's clock; use it instead of the system clock so tests can fix time. */
    Clock clock();

    /** A logger named after the plugin; messages end up in the console's log. Never log a secret. */
    System.Logger logger();
}

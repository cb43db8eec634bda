package ru.rusoragentai.console.plugins;

import org.jspecify.annotations.Nullable;
import java.nio.file.Path;
import java.util.Set;

/**
 * A plugin as the Plugins screen lists it.
 *
 * @param id          the PF4J plugin id (also the webhook channel id of a payment plugin); for a file that is
 *                    not a readable plugin, its file name
 * @param version     declared version, or "?" when unreadable
 * @param requires    the SPI range it declares
 * @param kinds       extension points it implements (empty until started)
 * @param error       why it failed, or null
 */
public record PluginSummary(String id, @Nullable String description, String version, @Nullable String provider, String requires,
                            Set<ExtensionKind> kinds, PluginState state, @Nullable String error, Path file) {

    PluginSummary failed(String why) {
        return new PluginSummary(id, description, version, provider, requires, kinds, PluginState.FAILED, why, file);
    }

    PluginSummary withState(PluginState newState, Set<ExtensionKind> newKinds) {
        return new PluginSummary(id, description, version, provider, requires, newKinds, newState, null, file);
    }
}

package ru.rusoragentai.console.plugins;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.security.Unguarded;
import ru.rusoragentai.spi.ConsoleExtension;
import ru.rusoragentai.spi.PluginContext;

/**
 * The one way other capabilities use a plugin: find its extensions by type and call one with the plugin's context,
 * under the call timeout and the exception barrier. A {@link ru.rusoragentai.spi.PluginCallException} comes back as a
 * {@link PluginException} the operator can read; anything else marks the plugin failed (or, for an isolated call, fails
 * only that call). No PF4J type and none of the host's internals leave the plugins capability.
 */
@Component
@Unguarded("callers are services that check their own roles; the gateway holds no data of its own")
public class PluginGateway {

    private final PluginHost host;
    private final PluginContexts contexts;

    PluginGateway(PluginHost host, PluginContexts contexts) {
        this.host = host;
        this.contexts = contexts;
    }

    /** Every started plugin's extensions of this type, each with the id of its plugin. */
    public <T extends ConsoleExtension> List<Described<T>> extensions(Class<T> type) {
        return host.extensions(type);
    }

    /** A started plugin's extension of this type, if it has one. */
    public <T extends ConsoleExtension> Optional<Described<T>> extension(String pluginId, Class<T> type) {
        return host.extension(pluginId, type).map(extension -> new Described<>(pluginId, extension));
    }

    /** Whether a plugin of this id is installed, started or not. */
    public boolean installed(String pluginId) {
        return host.plugin(pluginId).isPresent();
    }

    /** Calls the extension with its plugin's context, behind the barrier; an unexpected exception marks the plugin failed. */
    public <T extends ConsoleExtension, R> R call(Described<T> extension, String operation, BiFunction<T, PluginContext, R> work) {
        return host.callGuarded(extension.pluginId(), operation,
                () -> work.apply(extension.extension(), contexts.forPlugin(extension.pluginId())));
    }

    /**
     * {@link #call}, except that an unexpected exception fails this call only and leaves the plugin started: for input
     * from outside (a webhook delivery), where a bad request is not a broken plugin.
     */
    public <T extends ConsoleExtension, R> R callIsolated(Described<T> extension, String operation, BiFunction<T, PluginContext, R> work) {
        return host.callIsolated(extension.pluginId(), operation,
                () -> work.apply(extension.extension(), contexts.forPlugin(extension.pluginId())));
    }

    /** A number that changes whenever the plugin's settings change (which key a delivery was checked with). */
    public long settingsVersion(String pluginId) {
        return contexts.settingsVersion(pluginId);
    }

    /** Drops the plugin's cached context, so that its next call reads the settings as stored now. */
    public void settingsChanged(String pluginId) {
        contexts.evict(pluginId);
    }
}

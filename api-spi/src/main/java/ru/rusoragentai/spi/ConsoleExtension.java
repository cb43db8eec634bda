package ru.rusoragentai.spi;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * What every console extension offers: the settings it needs and a health check.
 *
 * <p>Settings are per plugin: when a plugin has several extensions, the console merges their descriptors by name.
 */
public interface ConsoleExtension extends ExtensionPoint {

    /**
     * The settings this extension reads from {@link PluginContext#settings()}, in form order. The console renders
     * its settings form from them and stores {@link SettingDescriptor#secret() secret} ones encrypted.
     *
     * @return the descriptors; constant for the life of the extension
     */
    List<SettingDescriptor> settings();

    /**
     * Checks that the configured remote system answers with the configured credentials ("Test connection").
     * Must not change anything remotely; safe to call at any time. A remote failure is reported as
     * {@link HealthResult.Unhealthy}, not thrown.
     *
     * @param context this call's context
     * @return the outcome; its texts must never contain a secret
     */
    HealthResult checkHealth(PluginContext context);
}

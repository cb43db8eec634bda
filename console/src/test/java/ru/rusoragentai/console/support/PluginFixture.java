package ru.rusoragentai.console.support;

import java.util.List;
import ru.rusoragentai.console.plugins.PluginService;
import ru.rusoragentai.console.plugins.PluginState;
import ru.rusoragentai.console.plugins.PluginState;
import ru.rusoragentai.console.plugins.PluginSummary;
import ru.rusoragentai.console.plugins.broken.FixedProvider;

/** Installs and removes the well-behaved test provider ("fixed", no network) in the shared context. */
public final class PluginFixture {

    public static final String FIXED = "test-fixed-provider";

    private PluginFixture() {
    }

    public static void installFixedProvider(PluginService plugins) {
        plugins.install("fixed.jar", TestPlugins.jar(FIXED, ">=1.0.0 & <2.0.0", null, List.of(FixedProvider.class.getName()),
                FixedProvider.class));
    }

    /** The test privacy connector's plugin id: it records what it was asked to erase and holds data to package. */
    public static final String PRIVACY_CONNECTOR = "test-privacy-connector";

    /** Installs the recording privacy connector; call signed in as an operator. */
    public static void installPrivacyConnector(PluginService plugins) {
        plugins.install("privacy.jar", TestPlugins.jar(PRIVACY_CONNECTOR, ">=1.0.0 & <2.0.0", null,
                List.of(ru.rusoragentai.console.plugins.broken.RecordingPrivacyConnector.class.getName()),
                ru.rusoragentai.console.plugins.broken.RecordingPrivacyConnector.class));
    }

    /** Uninstalls every plugin whose id starts with "test-"; call signed in as an operator. */
    public static void removeTestPlugins(PluginService plugins) {
        plugins.plugins().stream().map(PluginSummary::id).filter(id -> id.startsWith("test-")).forEach(plugins::uninstall);
    }

    /** A plugin's state as the plugins screen shows it; call signed in as an operator. */
    public static PluginState state(PluginService plugins, String id) {
        return plugins.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().state();
    }
}

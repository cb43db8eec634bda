package ru.rusoragentai.console.plugins;

import java.nio.file.Path;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import ru.rusoragentai.spi.SpiVersion;

/** A plugin file's manifest, read and checked against the SPI this console offers before anything is loaded. */
final class PluginDescriptors {

    private PluginDescriptors() {
    }

    /** Reads a plugin file's descriptor and checks it against this console's SPI, without loading it. */
    static PluginDescriptor inspect(Path file) {
        PluginDescriptor descriptor;
        try {
            descriptor = new ManifestPluginDescriptorFinder().find(file);
        } catch (RuntimeException e) {
            throw new PluginException(e, "plugins.error.not-plugin", file.getFileName(), e.getMessage());
        }
        String requires = descriptor.getRequires();
        boolean compatible;
        try {
            compatible = new DefaultVersionManager().checkVersionConstraint(SpiVersion.current(), requires);
        } catch (RuntimeException e) {
            throw new PluginException("plugins.error.requires", descriptor.getPluginId(), requires);
        }
        if (!compatible) {
            throw new PluginException("plugins.error.spi", descriptor.getPluginId(), descriptor.getVersion(), requires, SpiVersion.current());
        }
        return descriptor;
    }
}

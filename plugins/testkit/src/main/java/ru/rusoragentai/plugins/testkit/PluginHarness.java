package ru.rusoragentai.plugins.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import ru.rusoragentai.spi.SpiVersion;

/**
 * Loads a built plugin jar with a real PF4J manager, as the console does: its own plugins directory, the
 * system version set to this api-spi's version so {@code Plugin-Requires} is enforced. Use it to prove the
 * packaged jar (manifest, extension index, bundled libraries) works, not only the classes.
 *
 * <pre>{@code
 * try (var harness = PluginHarness.load(PluginHarness.builtJar())) {
 *     AiProvider provider = harness.extension(AiProvider.class);
 * }
 * }</pre>
 */
public final class PluginHarness implements AutoCloseable {

    /** The system property the plugins' Maven build sets to the packaged jar for {@code *PackagedIT} tests. */
    public static final String JAR_PROPERTY = "plugin.jar";

    private final Path root;
    private final PluginManager manager;
    private final String pluginId;

    private PluginHarness(Path root, PluginManager manager, String pluginId) {
        this.root = root;
        this.manager = manager;
        this.pluginId = pluginId;
    }

    /** The jar named by the {@value #JAR_PROPERTY} system property. */
    public static Path builtJar() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No built plugin at -D" + JAR_PROPERTY + "=" + jar
                    + "; run the test after `package` (the plugins parent runs *PackagedIT with failsafe)");
        }
        return Path.of(jar);
    }

    /** Copies the jar into a fresh plugins directory, loads and starts it. */
    public static PluginHarness load(Path jar) {
        try {
            Path root = Files.createTempDirectory("plugin-harness");
            Path copy = Files.copy(jar, root.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            DefaultPluginManager manager = new DefaultPluginManager(root);
            manager.setSystemVersion(SpiVersion.current());
            String id = manager.loadPlugin(copy);
            manager.startPlugin(id);
            return new PluginHarness(root, manager, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String pluginId() {
        return pluginId;
    }

    public PluginWrapper plugin() {
        return manager.getPlugin(pluginId);
    }

    public PluginState state() {
        return plugin().getPluginState();
    }

    /** The plugin's extensions of a type. */
    public <T> List<T> extensions(Class<T> type) {
        return manager.getExtensions(type, pluginId);
    }

    /** The plugin's single extension of a type. */
    public <T> T extension(Class<T> type) {
        List<T> found = extensions(type);
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one " + type.getSimpleName() + " in " + pluginId + ", found "
                    + found.size());
        }
        return found.getFirst();
    }

    @Override
    public void close() {
        // stopPlugins() and unloadPlugins() modify the list they iterate in PF4J 3.15; unloadPlugin stops first
        List.copyOf(manager.getPlugins()).forEach(plugin -> manager.unloadPlugin(plugin.getPluginId()));
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

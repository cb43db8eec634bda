package ru.rusoragentai.console.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.ConsoleExtension;
import ru.rusoragentai.spi.SpiVersion;

/**
 * Runs plugins with PF4J: loads every jar in the plugins directory at start, and loads, starts, stops and
 * unloads single plugins on demand without a restart. Nothing a plugin does can take the console down: loading,
 * starting and every call run behind {@link PluginCalls}' timeouts and exception barriers, and a plugin that
 * fails is kept in the list as {@link PluginState#FAILED} with its error.
 *
 * <p>No permission checks here: {@link PluginService} owns them. Operator actions are serialised on this object;
 * calls into extensions are not. Just over 300 lines on purpose: the PF4J manager's whole life cycle stays on one
 * object so that every state change is serialised in one place; what could leave did ({@link PluginDescriptors},
 * {@link ProviderClaims}).
 */
@Component
class PluginHost implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final PluginProperties properties;
    private final PluginStateRepository states;
    private final PluginCalls calls;
    private final DefaultPluginManager manager;
    private final Map<String, PluginSummary> plugins = new ConcurrentHashMap<>();
    private final Map<String, List<ConsoleExtension>> extensions = new ConcurrentHashMap<>();
    private final Map<String, Text> refusedClaims = new ConcurrentHashMap<>();

    PluginHost(PluginProperties properties, PluginStateRepository states, PluginCalls calls) {
        this.properties = properties;
        this.states = states;
        this.calls = calls;
        this.manager = new DefaultPluginManager(properties.dir().toAbsolutePath());
        this.manager.setSystemVersion(SpiVersion.current());
        calls.onFailure(this::markFailed);
        calls.textsFrom(this::classLoader);
    }

    @Override
    public void afterSingletonsInstantiated() {
        loadAll();
    }

    /** Loads every {@code *.jar} in the plugins directory; a directory that does not exist holds no plugins. */
    public synchronized void loadAll() {
        Path dir = properties.dir().toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            log.warn("Plugins directory {} does not exist; no plugins loaded", dir);
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(this::load);
        } catch (IOException e) {
            log.error("Cannot list plugins directory {}", dir, e);
        }
        log.info("Plugins: {}", plugins.values().stream().map(p -> p.id() + "=" + p.state()).sorted().toList());
    }

    /** Every plugin known, failed ones included, by id. */
    public List<PluginSummary> plugins() {
        return plugins.values().stream().sorted(Comparator.comparing(PluginSummary::id)).toList();
    }

    public Optional<PluginSummary> plugin(String id) {
        return Optional.ofNullable(plugins.get(id));
    }

    /** The class loader of a loaded plugin, for its own resources ({@link PluginTexts}). */
    Optional<ClassLoader> classLoader(String id) {
        return manager.getPlugin(id) == null ? Optional.empty() : Optional.ofNullable(manager.getPluginClassLoader(id));
    }

    /** Started plugins' extensions of a kind. */
    public <T extends ConsoleExtension> List<Described<T>> extensions(Class<T> type) {
        List<Described<T>> found = new ArrayList<>();
        extensions.forEach((id, list) -> {
            if (plugins.get(id) != null && plugins.get(id).state() == PluginState.STARTED) {
                list.stream().filter(type::isInstance).forEach(e -> found.add(new Described<>(id, type.cast(e))));
            }
        });
        found.sort(Comparator.comparing(Described::pluginId));
        return found;
    }

    /** A started plugin's extension of a kind. */
    public <T extends ConsoleExtension> Optional<T> extension(String pluginId, Class<T> type) {
        return extensions(type).stream().filter(d -> d.pluginId().equals(pluginId)).map(Described::extension).findFirst();
    }

    /** Every extension of a plugin, started or not (for its settings form). */
    public List<ConsoleExtension> allExtensions(String pluginId) {
        return extensions.getOrDefault(pluginId, List.of());
    }

    /** Reads a plugin file's descriptor and checks it against this console's SPI, without loading it. */
    PluginDescriptor inspect(Path file) {
        return PluginDescriptors.inspect(file);
    }

    /** Loads one plugin file and starts it unless an operator disabled it. Never throws. */
    public synchronized PluginSummary load(Path file) {
        PluginDescriptor descriptor;
        try {
            descriptor = inspect(file);
        } catch (PluginException e) {
            PluginSummary broken = unreadable(file, e.getMessage());
            plugins.put(broken.id(), broken);
            return broken;
        }
        String id = descriptor.getPluginId();
        PluginSummary summary = new PluginSummary(id, descriptor.getPluginDescription(), descriptor.getVersion(),
                descriptor.getProvider(), descriptor.getRequires(), Set.of(), PluginState.DISABLED, null, file);
        if (manager.getPlugin(id) != null) {
            // listed under its file name, so both the loaded plugin and the refused copy stay visible
            PluginSummary duplicate = unreadable(file, "Plugin " + id + " is already loaded from "
                    + manager.getPlugin(id).getPluginPath().getFileName() + "; remove one of the two files");
            plugins.put(duplicate.id(), duplicate);
            return duplicate;
        }
        try {
            calls.guard(id, "load", properties.startTimeout(), () -> manager.loadPlugin(file));
        } catch (PluginException e) {
            return record(summary.failed(e.getMessage()));
        }
        plugins.put(id, summary);
        return states.isEnabled(id) ? start(id) : summary;
    }

    /** Starts a loaded plugin and instantiates its extensions; marks it failed if either goes wrong. */
    public synchronized PluginSummary start(String id) {
        PluginSummary summary = require(id);
        PluginWrapper wrapper = manager.getPlugin(id);
        if (wrapper == null) {
            return reload(id);
        }
        try {
            calls.guard(id, "start", properties.startTimeout(), () -> manager.startPlugin(id));
            if (wrapper.getPluginState() != org.pf4j.PluginState.STARTED) {
                Throwable cause = wrapper.getFailedException();
                throw new PluginException("plugins.error.start", cause == null ? String.valueOf(wrapper.getPluginState()) : PluginCalls.describe(cause));
            }
            List<ConsoleExtension> created = createExtensions(id);
            Text claim = ProviderClaims.conflict(id, created, extensions(AiProvider.class),
                    (pluginId, provider) -> calls.guard(pluginId, "providerId", properties.callTimeout(), provider::providerId));
            if (claim != null) {
                refusedClaims.put(id, claim);
                throw new PluginException(claim.key(), claim.arguments());
            }
            refusedClaims.remove(id);
            extensions.put(id, created);
            EnumSet<ExtensionKind> kinds = EnumSet.noneOf(ExtensionKind.class);
            for (ExtensionKind kind : ExtensionKind.values()) {
                if (created.stream().anyMatch(kind.type()::isInstance)) {
                    kinds.add(kind);
                }
            }
            return record(summary.withState(PluginState.STARTED, kinds));
        } catch (PluginException e) {
            stopQuietly(id);
            return record(summary.failed(e.getMessage()));
        }
    }

    /**
     * Why the plugin was refused at its last start because it claims a provider id another started plugin serves
     * (two providers under one id would overwrite each other's models, prices and reconciliation); empty otherwise.
     */
    public Optional<Text> refusedClaim(String id) {
        return Optional.ofNullable(refusedClaims.get(id));
    }

    /** Stops a plugin; it stays loaded and listed as disabled. */
    public synchronized PluginSummary stop(String id) {
        PluginSummary summary = require(id);
        stopQuietly(id);
        return record(summary.withState(PluginState.DISABLED, summary.kinds()));
    }

    /** Unloads a plugin and loads its file again (after fixing settings, or replacing the file). */
    public synchronized PluginSummary reload(String id) {
        PluginSummary summary = require(id);
        unloadQuietly(id);
        plugins.remove(id);
        return load(summary.file());
    }

    /** Unloads a plugin and forgets it; the caller deletes the file. */
    public synchronized void unload(String id) {
        require(id);
        unloadQuietly(id);
        plugins.remove(id);
    }

    @Override
    public void destroy() {
        List.copyOf(manager.getPlugins()).forEach(p -> unloadQuietly(p.getPluginId()));
    }

    private List<ConsoleExtension> createExtensions(String id) {
        ClassLoader loader = manager.getPluginClassLoader(id);
        for (String name : manager.getExtensionClassNames(id)) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new PluginException("plugins.error.extension", name, PluginCalls.describe(e));
            }
        }
        List<ConsoleExtension> created = new ArrayList<>();
        for (ExtensionKind kind : ExtensionKind.values()) {
            List<? extends ConsoleExtension> found = calls.guard(id, "create " + kind.type().getSimpleName(),
                    properties.startTimeout(), () -> manager.getExtensions(kind.type(), id));
            found.stream().filter(e -> created.stream().noneMatch(c -> c == e)).forEach(created::add);
        }
        if (created.isEmpty()) {
            throw new PluginException("plugins.error.no-extension");
        }
        return List.copyOf(created);
    }

    private void markFailed(String id, String error) {
        plugins.computeIfPresent(id, (k, summary) -> summary.failed(error));
        log.warn("Plugin {} marked failed: {}", id, error);
    }

    private PluginSummary record(PluginSummary summary) {
        plugins.put(summary.id(), summary);
        if (summary.state() != PluginState.STARTED) {
            log.info("Plugin {} is {}{}", summary.id(), summary.state(), summary.error() == null ? "" : ": " + summary.error());
        }
        return summary;
    }

    private PluginSummary require(String id) {
        PluginSummary summary = plugins.get(id);
        if (summary == null) {
            throw new PluginException("plugins.error.no-plugin", id);
        }
        return summary;
    }

    private void stopQuietly(String id) {
        extensions.remove(id);
        if (manager.getPlugin(id) != null && manager.getPlugin(id).getPluginState() == org.pf4j.PluginState.STARTED) {
            try {
                calls.guard(id, "stop", properties.startTimeout(), () -> manager.stopPlugin(id));
            } catch (PluginException e) {
                log.warn("Plugin {} did not stop cleanly: {}", id, e.getMessage());
            }
        }
    }

    private void unloadQuietly(String id) {
        stopQuietly(id);
        if (manager.getPlugin(id) != null) {
            try {
                calls.guard(id, "unload", properties.startTimeout(), () -> manager.unloadPlugin(id));
            } catch (PluginException e) {
                log.warn("Plugin {} did not unload cleanly: {}", id, e.getMessage());
            }
        }
    }

    private static PluginSummary unreadable(Path file, String error) {
        return new PluginSummary(file.getFileName().toString(), "", "?", "", "", Set.of(), PluginState.FAILED, error, file);
    }

    /** Runs a call into a started plugin behind the barrier with the call timeout. */
    public <T> T callGuarded(String pluginId, String operation, java.util.concurrent.Callable<T> work) {
        return calls.guard(pluginId, operation, properties.callTimeout(), work);
    }

    /** {@link PluginCalls#guardCall}: a failure of this call leaves the plugin started. */
    public <T> T callIsolated(String pluginId, String operation, java.util.concurrent.Callable<T> work) {
        return calls.guardCall(pluginId, operation, properties.callTimeout(), work);
    }

    /** How long a single plugin call may take. */
    public Duration callTimeout() {
        return properties.callTimeout();
    }
}

package ru.rusoragentai.console.plugins;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.spi.ConsoleExtension;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.PluginHttpClient;
import ru.rusoragentai.spi.PluginSettings;
import ru.rusoragentai.spi.SecretValue;
import ru.rusoragentai.spi.SettingDescriptor;

/**
 * Builds the {@link PluginContext} for a call: the plugin's settings (defaults applied, secrets decrypted), an
 * HTTP client bound to its {@code base-url}, the console's clock and a logger. Decrypted settings are cached per
 * plugin for a short time; saving settings evicts them at once.
 */
@Component
class PluginContexts {

    private record Cached(Map<String, String> values, Map<String, SecretValue> secrets, Instant loadedAt) {
    }

    private final PluginSettingsRepository repository;
    private final SettingsChangeRepository changes;
    private final SecretCipher cipher;
    private final PluginHost host;
    private final PluginProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    PluginContexts(PluginSettingsRepository repository, SettingsChangeRepository changes, SecretCipher cipher, PluginHost host,
                   PluginProperties properties, Clock clock) {
        this.repository = repository;
        this.changes = changes;
        this.cipher = cipher;
        this.host = host;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A context for one call into the plugin. */
    public PluginContext forPlugin(String pluginId) {
        Cached settings = settings(pluginId);
        PluginHttpClient client = new HostHttpClient(http, settings.values().get("base-url"), properties.callTimeout(),
                properties.maxResponseSize().toBytes());
        PluginSettings view = new PluginSettings() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(settings.values().get(name));
            }

            @Override
            public Optional<SecretValue> secret(String name) {
                return Optional.ofNullable(settings.secrets().get(name));
            }
        };
        PluginLogger logger = new PluginLogger(pluginId);
        return new PluginContext() {
            @Override
            public PluginSettings settings() {
                return view;
            }

            @Override
            public PluginHttpClient http() {
                return client;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public System.Logger logger() {
                return logger;
            }
        };
    }

    /** Drops a plugin's cached settings (after a save). */
    public void evict(String pluginId) {
        cache.remove(pluginId);
    }

    /** The newest approved settings change of the plugin (0 if none): which settings a webhook delivery met. */
    public long settingsVersion(String pluginId) {
        return changes.latestApproved(pluginId);
    }

    /** The descriptors of every extension of the plugin, merged by name in first-seen order. */
    public List<SettingDescriptor> descriptors(String pluginId) {
        Map<String, SettingDescriptor> merged = new java.util.LinkedHashMap<>();
        for (ConsoleExtension extension : host.allExtensions(pluginId)) {
            for (SettingDescriptor descriptor : safeSettings(pluginId, extension)) {
                merged.putIfAbsent(descriptor.name(), descriptor);
            }
        }
        return List.copyOf(merged.values());
    }

    private List<SettingDescriptor> safeSettings(String pluginId, ConsoleExtension extension) {
        return host.callGuarded(pluginId, "settings", extension::settings);
    }

    private Cached settings(String pluginId) {
        Instant now = clock.instant();
        Cached cached = cache.get(pluginId);
        if (cached != null && cached.loadedAt().plus(properties.settingsCacheTtl()).isAfter(now)) {
            return cached;
        }
        Map<String, String> values = new HashMap<>();
        Map<String, SecretValue> secrets = new HashMap<>();
        for (SettingDescriptor descriptor : descriptors(pluginId)) {
            if (descriptor.defaultValue() != null) {
                values.put(descriptor.name(), descriptor.defaultValue());
            }
        }
        repository.load(pluginId).values().forEach(stored -> {
            if (stored.secret() && stored.encrypted() != null) {
                secrets.put(stored.name(), SecretValue.of(cipher.decryptString(stored.encrypted())));
            } else if (stored.text() != null) {
                values.put(stored.name(), stored.text());
            }
        });
        Cached fresh = new Cached(Map.copyOf(values), Map.copyOf(secrets), now);
        cache.put(pluginId, fresh);
        return fresh;
    }
}

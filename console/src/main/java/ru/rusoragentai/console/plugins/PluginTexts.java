package ru.rusoragentai.console.plugins;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * What a plugin says about itself in the reader's language. A plugin may ship {@code console-texts.properties} and
 * {@code console-texts_<language>.properties} (UTF-8) with {@code description}, {@code setting.<name>.label} and
 * {@code setting.<name>.help}; where it has none, its manifest description and its descriptors' English stay. Read
 * through the plugin's own class loader and not cached, so an unloaded plugin leaves nothing behind.
 */
@Component
class PluginTexts {

    static final String BUNDLE = "console-texts";

    /** Properties only, no fallback to the JVM's default language, no cache that would hold the plugin's class loader. */
    private static final ResourceBundle.Control CONTROL = new ResourceBundle.Control() {
        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }

        @Override
        public long getTimeToLive(String baseName, Locale locale) {
            return TTL_DONT_CACHE;
        }
    };

    private final PluginHost host;

    PluginTexts(PluginHost host) {
        this.host = host;
    }

    Optional<String> text(String pluginId, String key, Locale locale) {
        return host.classLoader(pluginId).flatMap(loader -> {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, loader, CONTROL);
                return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
            } catch (MissingResourceException e) {
                return Optional.empty();
            }
        });
    }
}

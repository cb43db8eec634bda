package ru.rusoragentai.console.plugins;

import org.jspecify.annotations.Nullable;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.i18n.Said;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.spi.PluginMessage;

/**
 * What a plugin says in the reader's language. A plugin may ship {@code console-texts.properties} and
 * {@code console-texts_<language>.properties} (UTF-8) with {@code description}, {@code setting.<name>.label},
 * {@code setting.<name>.help} and the keys of the {@link PluginMessage}s it returns; where it has none, its manifest
 * description, its descriptors' and its messages' English stay. Read through the plugin's own class loader and not
 * cached, so an unloaded plugin leaves nothing behind.
 */
@Component
class PluginTexts {

    static final String BUNDLE = "console-texts";

    /** The keys the api-spi defines are worded in the console's own bundle, never a plugin's. */
    private static final String SPI_KEYS = "spi.";

    /** Properties only, no fallback to the JVM's default language, no cache that would hold the plugin's class loader. */
    private static final ResourceBundle.Control CONTROL = new ResourceBundle.Control() {
        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public @Nullable Locale getFallbackLocale(String baseName, Locale locale) {
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
        return host.classLoader(pluginId).flatMap(loader -> pattern(loader, key, locale));
    }

    /** What a plugin said, as a text the console keeps and says in each reader's language. */
    Text said(String pluginId, PluginMessage message) {
        return said(host.classLoader(pluginId), message);
    }

    /**
     * A plugin's message as a text: an api-spi key in the console's bundle; a plugin's key worded from its jar in each
     * language the console speaks, English where the jar has no wording; a message without a key as its English.
     */
    static Text said(Optional<ClassLoader> loader, PluginMessage message) {
        if (!message.translatable()) {
            return new Text("plugins.said", message.english());
        }
        if (message.key().startsWith(SPI_KEYS)) {
            // a key of a newer api-spi than this console knows is said as the plugin's English, never as the bare key
            return Texts.english(message.key()).equals(message.key()) ? new Text("plugins.said", message.english())
                    : new Text(message.key(), message.arguments().toArray());
        }
        Map<String, String> wording = new LinkedHashMap<>();
        wording.put("en", message.english());
        for (String language : Said.LANGUAGES.subList(1, Said.LANGUAGES.size())) {
            Locale locale = Locale.of(language);
            loader.flatMap(l -> pattern(l, message.key(), locale))
                    .map(pattern -> new MessageFormat(pattern, locale).format(message.arguments().toArray()))
                    .ifPresent(worded -> wording.put(language, worded));
        }
        return new Text("plugins.said", new Said(wording));
    }

    private static Optional<String> pattern(ClassLoader loader, String key, Locale locale) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, loader, CONTROL);
            return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}

package ru.rusoragentai.console.plugins;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.function.BiFunction;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.ConsoleExtension;

/**
 * Provider ids are unique across started plugins: two providers under one id would overwrite each other's models,
 * prices and reconciliation, so a plugin that claims an id another started plugin serves is refused at start.
 */
final class ProviderClaims {

    private ProviderClaims() {
    }

    /**
     * Why the starting plugin's extensions may not start (the id it claims and who serves it), or null.
     *
     * @param providerId asks a provider for its id behind the plugin call barrier; may throw {@link PluginException}
     */
    static @Nullable Text conflict(String pluginId, List<ConsoleExtension> created, List<Described<AiProvider>> started,
                         BiFunction<String, AiProvider, String> providerId) {
        for (ConsoleExtension extension : created) {
            if (extension instanceof AiProvider provider) {
                String claimed = providerId.apply(pluginId, provider);
                for (Described<AiProvider> other : started) {
                    if (!other.pluginId().equals(pluginId) && claimed.equals(safe(other, providerId))) {
                        return new Text("plugins.error.claim", claimed, other.pluginId());
                    }
                }
            }
        }
        return null;
    }

    private static @Nullable String safe(Described<AiProvider> other, BiFunction<String, AiProvider, String> providerId) {
        try {
            return providerId.apply(other.pluginId(), other.extension());
        } catch (PluginException e) {
            return null;
        }
    }
}

package ru.rusoragentai.console.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.console.i18n.Said;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.spi.PluginMessage;

class PluginMessageTest {

    @Test
    void shouldWordTheEnglishWithItsArgumentsAndKeepSingleQuotes() {
        assertThat(PluginMessage.secretMissing("api-key").english()).isEqualTo("Secret 'api-key' is not set");
        assertThat(PluginMessage.credentialsRefused("Example", 401).english()).isEqualTo("Example refused the credentials (HTTP 401)");
    }

    @Test
    void shouldKeepANullArgumentAsNothingInsteadOfFailingThePlugin() {
        // a vendor's exception without a message must not turn a reported failure into a plugin crash
        PluginMessage unreadable = PluginMessage.unreadable("Example", "/v1/models", null);

        assertThat(unreadable.english()).isEqualTo("Example sent an unreadable answer to /v1/models: ");
        assertThat(unreadable.arguments()).containsExactly("Example", "/v1/models", "");
    }

    @Test
    void shouldSayApiKeysFromTheConsolesBundleAndAPluginsOwnKeysAsWordedPerLanguage() {
        Text spi = PluginTexts.said(Optional.empty(), PluginMessage.secretMissing("api-key"));
        assertThat(spi.key()).isEqualTo("spi.secret-missing");
        assertThat(Texts.english(spi.key(), spi.arguments())).isEqualTo("Secret 'api-key' is not set");

        // a plugin key with no jar to look in: English in every language
        Text own = PluginTexts.said(Optional.empty(), PluginMessage.of("health.odd", "Odd answer from {0}", "Example"));
        assertThat(own.key()).isEqualTo("plugins.said");
        assertThat(((Said) own.arguments()[0]).in(java.util.Locale.of("ru"))).isEqualTo("Odd answer from Example");
        assertThat(Texts.english(own.key(), own.arguments())).isEqualTo("Odd answer from Example");
    }

    @Test
    void shouldSayAnApiKeyThisConsoleDoesNotKnowAsThePluginsEnglish() {
        Text unknown = PluginTexts.said(Optional.empty(), PluginMessage.of("spi.from-a-newer-contract", "Newer words for {0}", "Example"));

        assertThat(Texts.english(unknown.key(), unknown.arguments())).isEqualTo("Newer words for Example");
    }
}

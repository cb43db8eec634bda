package ru.rusoragentai.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    @Test
    void shouldTranslateEveryEnglishTextIntoRussianAndBack() throws Exception {
        Properties english = load("/vaadin-i18n/translations.properties");
        Properties russian = load("/vaadin-i18n/translations_ru.properties");
        assertThat(russian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(russian.stringPropertyNames()).allSatisfy(key -> assertThat(russian.getProperty(key)).as(key).isNotBlank());
    }

    private static Properties load(String resource) throws Exception {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(TranslationsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

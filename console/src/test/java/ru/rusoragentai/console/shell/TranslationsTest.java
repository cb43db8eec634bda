package ru.rusoragentai.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[},]");

    @Test
    void shouldTranslateEveryEnglishTextIntoRussianAndBack() throws Exception {
        Properties english = load("/vaadin-i18n/translations.properties");
        Properties russian = load("/vaadin-i18n/translations_ru.properties");
        assertThat(russian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(russian.stringPropertyNames()).allSatisfy(key -> assertThat(russian.getProperty(key)).as(key).isNotBlank());
    }

    /**
     * A text with placeholders goes through MessageFormat, which eats a lone apostrophe ("an administrators approval");
     * one without placeholders is shown as written, so a doubled apostrophe would show twice.
     */
    @Test
    void shouldWriteApostrophesTheWayEachTextIsFormatted() throws Exception {
        for (String resource : List.of("/vaadin-i18n/translations.properties", "/vaadin-i18n/translations_ru.properties")) {
            Properties texts = load(resource);
            assertThat(texts.stringPropertyNames()).allSatisfy(key -> {
                String text = texts.getProperty(key);
                if (PLACEHOLDER.matcher(text).find()) {
                    assertThat(text.replace("''", "")).as(resource + " " + key).doesNotContain("'");
                    assertThat(MessageFormat.format(text, 1, 2, 3)).as(key).doesNotContain("''");
                } else {
                    assertThat(text).as(resource + " " + key).doesNotContain("''");
                }
            });
        }
    }

    /** A menu entry and the heading of the screen it opens say the same; the dashboard greets instead. */
    @Test
    void shouldNameEachScreenTheSameInTheMenuAndInItsHeading() throws Exception {
        for (String resource : List.of("/vaadin-i18n/translations.properties", "/vaadin-i18n/translations_ru.properties")) {
            Properties texts = load(resource);
            texts.stringPropertyNames().stream().filter(k -> k.startsWith("nav.") && !k.equals("nav.dashboard")).forEach(nav -> {
                String heading = texts.getProperty(nav.substring(4) + ".heading");
                if (heading != null) {
                    assertThat(heading).as(resource + " " + nav).isEqualTo(texts.getProperty(nav));
                }
            });
        }
    }

    private static Properties load(String resource) throws Exception {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(TranslationsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

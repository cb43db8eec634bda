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

    /**
     * A count is said in the language's plural forms: a text that puts a number before a counted noun ("{0} days",
     * "{0} аккаунтов") is a set of keys {@code .one}/{@code .few}/{@code .many}/{@code .other} picked by {@code Plurals}, or
     * says the count as a label ("Rows: {0}"). Only numbers that are never 1 and always take the same form are exempt.
     */
    @Test
    void shouldSayEveryCountInThePluralFormsOfItsLanguage() throws Exception {
        Properties english = load("/vaadin-i18n/translations.properties");
        Properties russian = load("/vaadin-i18n/translations_ru.properties");
        List<String> exempt = List.of("search.count.more", "usage.days", "adjust.delta.help", "plugins.error.entries");
        Pattern englishCount = Pattern.compile("\\{\\d[^}]*\\}\\)? (?:(?:failed|unmatched|or|new|free|goodwill|selected) )*(?!has\\b|requires\\b|offers\\b|declares\\b)[a-z]{2,}s\\b");
        Pattern russianCount = Pattern.compile("\\{\\d[^}]*\\} (?:[а-яё]+ ){0,3}(?:токен|аккаунт|запрос(?!ил)|дн|день|отмет|пользовател|строк|доставк|событи|правил|баланс|сет|возврат|корректиров|провер)");
        List<String> single = english.stringPropertyNames().stream().filter(k -> !PLURAL_FORM.matcher(k).find() && !exempt.contains(k)).toList();
        assertThat(single).as("English counts outside plural forms").filteredOn(k -> englishCount.matcher(english.getProperty(k)).find()).isEmpty();
        assertThat(single).as("Russian counts outside plural forms").filteredOn(k -> russianCount.matcher(russian.getProperty(k)).find()).isEmpty();
        english.stringPropertyNames().stream().filter(k -> k.endsWith(".one")).map(k -> k.substring(0, k.length() - 4)).forEach(base ->
                assertThat(List.of("one", "few", "many", "other")).as(base).allSatisfy(form -> {
                    assertThat(english.getProperty(base + "." + form)).as(base + "." + form).isNotBlank();
                    assertThat(english.getProperty(base + "." + form).contains("{0")).as(base + "." + form + " says the count").isTrue();
                }));
        assertThat(english.stringPropertyNames()).filteredOn(k -> k.endsWith(".one"))
                .as("English singular forms with a plural noun").filteredOn(k -> englishCount.matcher(english.getProperty(k)).find()).isEmpty();
    }

    private static final Pattern PLURAL_FORM = Pattern.compile("\\.(one|few|many|other)$");

    private static Properties load(String resource) throws Exception {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(TranslationsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

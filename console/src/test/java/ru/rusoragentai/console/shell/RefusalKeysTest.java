package ru.rusoragentai.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal and kept text the code names by a literal key ({@code new PrivacyException("privacy.error...")},
 * {@code new Text("...")}) has that key in both bundles, and Russian says it in Russian: a missing key would show the
 * key itself to the staff member.
 */
class RefusalKeysTest {

    private static final Pattern NAMED_KEY = Pattern.compile(
            "new (?:PrivacyException|PluginException|Text)\\((?:[a-zA-Z.()]+, )?\"([a-z0-9_.-]+)\"\\s*[,)]");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    @Test
    void shouldFindEveryNamedKeyInBothBundles() throws IOException {
        Properties english = load("/vaadin-i18n/translations.properties");
        Properties russian = load("/vaadin-i18n/translations_ru.properties");
        List<String> keys = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = NAMED_KEY.matcher(Files.readString(source));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).as("keys named by refusals in the code").hasSizeGreaterThan(60);
        assertThat(keys).allSatisfy(key -> {
            assertThat(english.getProperty(key)).as("English " + key).isNotBlank();
            assertThat(russian.getProperty(key)).as("Russian " + key).isNotBlank();
            String words = russian.getProperty(key).replaceAll("\\{\\d+}", "").replaceAll("[^\\p{L}]", "");
            if (!words.isEmpty()) {
                assertThat(CYRILLIC.matcher(russian.getProperty(key)).find()).as("Russian " + key + " in Russian").isTrue();
            }
        });
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(RefusalKeysTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

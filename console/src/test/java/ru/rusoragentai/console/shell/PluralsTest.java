package ru.rusoragentai.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.console.kit.Plurals;

class PluralsTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    @Test
    void shouldPickRussiansThreeForms() {
        assertThat(Plurals.key("n", 1, RU)).isEqualTo("n.one");
        assertThat(Plurals.key("n", 21, RU)).isEqualTo("n.one");
        assertThat(Plurals.key("n", 101, RU)).isEqualTo("n.one");
        assertThat(Plurals.key("n", 2, RU)).isEqualTo("n.few");
        assertThat(Plurals.key("n", 24, RU)).isEqualTo("n.few");
        assertThat(Plurals.key("n", 11, RU)).isEqualTo("n.many");
        assertThat(Plurals.key("n", 12, RU)).isEqualTo("n.many");
        assertThat(Plurals.key("n", 14, RU)).isEqualTo("n.many");
        assertThat(Plurals.key("n", 5, RU)).isEqualTo("n.many");
        assertThat(Plurals.key("n", 0, RU)).isEqualTo("n.many");
        assertThat(Plurals.key("n", 111, RU)).isEqualTo("n.many");
    }

    @Test
    void shouldPickEnglishsTwoForms() {
        assertThat(Plurals.key("n", 1, Locale.ENGLISH)).isEqualTo("n.one");
        assertThat(Plurals.key("n", 0, Locale.ENGLISH)).isEqualTo("n.other");
        assertThat(Plurals.key("n", 2, Locale.ENGLISH)).isEqualTo("n.other");
        assertThat(Plurals.key("n", 21, Locale.ENGLISH)).isEqualTo("n.other");
    }
}

package ru.rusoragentai.console.kit;

import com.vaadin.flow.component.Component;
import java.util.Locale;
import ru.rusoragentai.console.i18n.Texts;

/**
 * Picks the plural form of a counted text by the language's rules (CLDR's cardinal categories): English has
 * {@code one} and {@code other}; Russian {@code one} (1, 21, 101...), {@code few} (2-4, 22-24...) and {@code many}
 * (0, 5-20, 25...). The bundle holds {@code <key>.one}, {@code .few}, {@code .many} and {@code .other} as needed.
 */
public final class Plurals {

    private Plurals() {
    }

    /** The text counting {@code count} in the component's language: {@code base}'s form for it, {@code params} filled in. */
    public static String text(Component in, String base, long count, Object... params) {
        return in.getTranslation(key(base, count, Texts.locale(in)), params);
    }

    /** The bundle key for {@code count} in {@code locale}: {@code base} plus its category. */
    public static String key(String base, long count, Locale locale) {
        return base + "." + category(count, locale);
    }

    static String category(long count, Locale locale) {
        long n = Math.abs(count);
        if ("ru".equals(locale.getLanguage())) {
            long last = n % 10;
            long lastTwo = n % 100;
            if (last == 1 && lastTwo != 11) {
                return "one";
            }
            if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
                return "few";
            }
            return "many";
        }
        return n == 1 ? "one" : "other";
    }
}

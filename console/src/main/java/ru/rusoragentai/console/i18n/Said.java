package ru.rusoragentai.console.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A text someone outside the console's bundles has already worded in each language the console speaks (a plugin's own
 * sentence, looked up in its jar): said in the reader's language, in English where that language has no wording. Used
 * as an argument of a {@link Text}, so it is kept and translated like any other.
 *
 * @param wording the sentence by language code; English is always present
 */
public record Said(Map<String, String> wording) {

    /** The languages the console speaks, English first. */
    public static final List<String> LANGUAGES = List.of("en", "ru");

    public Said {
        wording = Map.copyOf(wording);
        if (!wording.containsKey("en")) {
            throw new IllegalArgumentException("a said text has English");
        }
    }

    /** The sentence in the given language, or in English. */
    public String in(Locale locale) {
        return wording.getOrDefault(locale.getLanguage(), wording.get("en"));
    }

    @Override
    public String toString() {
        return wording.get("en");
    }
}

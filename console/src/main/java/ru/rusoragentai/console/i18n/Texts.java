package ru.rusoragentai.console.i18n;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Says a {@link Text} or a {@link Refusal}: in the reader's language on a screen, in English for logs and records. An
 * argument that is a {@link Text}, a list of them or a {@link Said} is said in the same language.
 */
public final class Texts {

    private static final String BUNDLE = "vaadin-i18n/translations";

    private Texts() {
    }

    /** The text in the component's language, nested {@link Text} arguments translated too. */
    public static String of(Component in, Refusal refused) {
        return in.getTranslation(refused.key(), translated(in, refused.arguments()));
    }

    /** The text in the component's language, nested {@link Text} arguments translated too. */
    public static String of(Component in, Text text) {
        return in.getTranslation(text.key(), translated(in, text.arguments()));
    }

    /** The language a component is shown in: its UI's, or the current UI's while it is not attached. */
    public static Locale locale(Component in) {
        return in.getUI().or(() -> Optional.ofNullable(UI.getCurrent())).map(UI::getLocale).orElse(Locale.ENGLISH);
    }

    /** The English text, as the English bundle words it; the key itself when the bundle lacks it. */
    public static String english(String key, Object... arguments) {
        Object[] english = arguments.clone();
        for (int i = 0; i < english.length; i++) {
            english[i] = said(english[i], nested -> english(nested.key(), nested.arguments()), Locale.ENGLISH);
        }
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString(key);
            return english.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(english);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** A text without arguments as the bundle of a language words it (English where it lacks the key); the key itself when no bundle has it. */
    public static String in(Locale language, String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, language).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static Object[] translated(Component in, Object[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = said(arguments[i], nested -> of(in, nested), locale(in));
        }
        return arguments;
    }

    /**
     * A {@link Text} argument said, a list of them said one after another, a {@link Said} in the language; any other
     * value as it is.
     */
    private static Object said(Object argument, Function<Text, String> say, Locale language) {
        if (argument instanceof Said worded) {
            return worded.in(language);
        }
        if (argument instanceof Text nested) {
            return say.apply(nested);
        }
        if (argument instanceof TextList list) {
            return list.items().stream().map(say).collect(Collectors.joining(list.separator()));
        }
        if (argument instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Text.class::isInstance)) {
            return list.stream().map(t -> say.apply((Text) t)).collect(Collectors.joining(" "));
        }
        return argument;
    }
}

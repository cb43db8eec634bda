package ru.rusoragentai.spi;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A sentence for the operator that the console can say in the reader's language: a key, its arguments and the
 * English text. The console looks the key up in the plugin's {@code console-texts_<language>.properties}, or in its own
 * bundle for the {@code spi.} keys this contract defines, formats it with the arguments ({@link MessageFormat}, a
 * single quote written twice) and falls back to the English text when neither has the key. Never contains a secret.
 *
 * @param key        the text's key, or null for a sentence the plugin has in English only
 * @param arguments  the values of the pattern's {@code {0}}, {@code {1}}, ...: strings and numbers (a null is kept as
 *                   an empty string)
 * @param english    the whole sentence in English, arguments filled in
 * @since 1.2.0
 */
public record PluginMessage(@Nullable String key, List<Object> arguments, String english) {

    public PluginMessage {
        Objects.requireNonNull(english, "english");
        arguments = arguments.stream().map(argument -> argument == null ? (Object) "" : argument).toList();
    }

    /**
     * A translatable sentence.
     *
     * @param englishPattern the English wording with {@code {0}}-style placeholders, as the key's entry in an English
     *                       bundle would read
     */
    public static PluginMessage of(String key, String englishPattern, @Nullable Object... arguments) {
        Objects.requireNonNull(key, "key");
        Object[] values = Arrays.stream(arguments).map(argument -> argument == null ? "" : argument).toArray();
        String english = values.length == 0 ? englishPattern : new MessageFormat(englishPattern, Locale.ENGLISH).format(values);
        return new PluginMessage(key, Arrays.asList(values), english);
    }

    /** A sentence the plugin has in English only; the console shows it as it is. */
    public static PluginMessage english(String text) {
        return new PluginMessage(null, List.of(), text);
    }

    /** Whether the console can look this sentence up in another language. */
    public boolean translatable() {
        return key != null;
    }

    // The keys this contract defines; the console's bundle words them in every language it speaks.

    /** A required setting is unset. */
    public static PluginMessage settingMissing(String name) {
        return of("spi.setting-missing", "Setting ''{0}'' is not set", name);
    }

    /** A required secret is unset. */
    public static PluginMessage secretMissing(String name) {
        return of("spi.secret-missing", "Secret ''{0}'' is not set", name);
    }

    /** A line of a multi-line setting does not read as the plugin expects; {@code example} is a well-formed line. */
    public static PluginMessage badSettingLine(String name, int line, String example) {
        return of("spi.bad-setting-line", "Setting ''{0}'', line {1}: expected a line like \"{2}\"", name, line, example);
    }

    /** The vendor refused the plugin's credentials. */
    public static PluginMessage credentialsRefused(String vendor, int status) {
        return of("spi.credentials-refused", "{0} refused the credentials (HTTP {1})", vendor, String.valueOf(status));
    }

    /** The vendor answered a call with an unexpected HTTP status. */
    public static PluginMessage httpStatus(String vendor, int status, String path) {
        return of("spi.http-status", "{0} answered HTTP {1} to {2}", vendor, String.valueOf(status), path);
    }

    /** The vendor's answer could not be read. */
    public static PluginMessage unreadable(String vendor, String path, String detail) {
        return of("spi.unreadable", "{0} sent an unreadable answer to {1}: {2}", vendor, path, detail);
    }

    /** The vendor answered a health check and listed its models. */
    public static PluginMessage modelsAvailable(int count) {
        return of("spi.models-available", "Models available: {0}", count);
    }
}

package ru.rusoragentai.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import java.util.regex.Pattern;

/**
 * One setting a plugin needs. Build with the factories and {@code with...} methods, which keep working when
 * fields are added:
 *
 * <pre>{@code SettingDescriptor.secret("api-key", "API key").asRequired().withHelp("From the vendor's console")}</pre>
 *
 * @param name         stable key, lower-case letters, digits and dashes, 2..64 characters
 * @param label        what the form shows
 * @param help         a sentence under the field; may be empty, never null
 * @param type         how it is rendered and validated
 * @param required     whether the plugin cannot work without it
 * @param defaultValue used when nothing is stored; may be null (never for secrets)
 */
public record SettingDescriptor(String name, String label, String help, SettingType type, boolean required,
                                @Nullable String defaultValue) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    public SettingDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Setting name must match " + NAME + ": " + name);
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("Setting " + name + " needs a label");
        }
        if (type == SettingType.SECRET && defaultValue != null) {
            throw new IllegalArgumentException("Secret setting " + name + " cannot have a default");
        }
    }

    public static SettingDescriptor of(String name, String label, SettingType type) {
        return new SettingDescriptor(name, label, "", type, false, null);
    }

    public static SettingDescriptor text(String name, String label) {
        return of(name, label, SettingType.TEXT);
    }

    public static SettingDescriptor url(String name, String label) {
        return of(name, label, SettingType.URL);
    }

    public static SettingDescriptor secret(String name, String label) {
        return of(name, label, SettingType.SECRET);
    }

    /** Whether the value is a credential (write-only, encrypted at rest). */
    public boolean secret() {
        return type == SettingType.SECRET;
    }

    public SettingDescriptor asRequired() {
        return new SettingDescriptor(name, label, help, type, true, defaultValue);
    }

    public SettingDescriptor withHelp(String newHelp) {
        return new SettingDescriptor(name, label, newHelp, type, required, defaultValue);
    }

    public SettingDescriptor withDefault(String value) {
        return new SettingDescriptor(name, label, help, type, required, value);
    }
}

package ru.rusoragentai.console.i18n;

import java.util.Arrays;

/**
 * Something a staff member asked for that was refused or failed, said in their language: a bundle key and its arguments.
 * The screen translates it ({@link Texts#of}); {@link #getMessage()} is the English text, for logs, the audit trail and
 * stored results. Nothing was changed when one is thrown.
 */
public class Refusal extends RuntimeException {

    private final String key;
    private final transient Object[] arguments;

    protected Refusal(String key, Object... arguments) {
        this(null, key, arguments);
    }

    protected Refusal(Throwable cause, String key, Object... arguments) {
        super(Texts.english(key, arguments), cause);
        this.key = key;
        this.arguments = arguments.clone();
    }

    /** The bundle key of the text. */
    public String key() {
        return key;
    }

    /** The values the text names; a {@link Text} among them is translated in turn. */
    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public String toString() {
        return getClass().getName() + "[" + key + " " + Arrays.toString(arguments) + "]: " + getMessage();
    }
}

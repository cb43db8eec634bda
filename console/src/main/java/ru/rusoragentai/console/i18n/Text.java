package ru.rusoragentai.console.i18n;

/**
 * A text to be said in the reader's language: a bundle key and its arguments. Used as an argument of another text (a
 * status named inside a refusal) and where a result is kept until someone reads it.
 */
public record Text(String key, Object... arguments) {

    public Text {
        arguments = arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }
}

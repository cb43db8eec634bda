package ru.rusoragentai.console.abuse;

/** A refused abuse-monitoring request; carries a translation key and its arguments for the view. */
public class AbuseException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public AbuseException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}

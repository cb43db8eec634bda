package ru.rusoragentai.console.tokens;

/** A refused adjustment; the message is a translation key. Nothing was changed. */
public class AdjustmentException extends RuntimeException {

    public AdjustmentException(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}

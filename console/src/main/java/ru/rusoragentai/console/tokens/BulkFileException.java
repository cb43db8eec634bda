package ru.rusoragentai.console.tokens;

/** A bulk adjustment file that cannot be used at all; the message is a translation key. Nothing was changed. */
public class BulkFileException extends RuntimeException {

    public BulkFileException(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}

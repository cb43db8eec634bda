package ru.rusoragentai.console.users;

/** A refused change to a user; the message is a translation key. Nothing was changed. */
public class UserException extends RuntimeException {

    public UserException(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}

package ru.rusoragentai.console.staff;

/** A refused staff operation; the message is a translation key the UI shows to the user. */
public class StaffException extends RuntimeException {

    public StaffException(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}

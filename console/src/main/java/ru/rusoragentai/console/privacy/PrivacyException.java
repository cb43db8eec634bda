package ru.rusoragentai.console.privacy;

/** A privacy-desk action that is not allowed now; the message is for the staff member. */
public class PrivacyException extends RuntimeException {

    public PrivacyException(String message) {
        super(message);
    }
}

package ru.rusoragentai.console.privacy;

import ru.rusoragentai.console.i18n.Refusal;

/** A privacy-desk action that is not allowed now, said by a bundle key and its arguments. Nothing was changed. */
public class PrivacyException extends Refusal {

    public PrivacyException(String key, Object... arguments) {
        super(key, arguments);
    }

    public PrivacyException(Throwable cause, String key, Object... arguments) {
        super(cause, key, arguments);
    }
}

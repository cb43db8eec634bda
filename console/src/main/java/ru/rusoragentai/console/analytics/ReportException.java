package ru.rusoragentai.console.analytics;

import ru.rusoragentai.console.i18n.Refusal;

/** A report request the console refuses (a range it will not read), worded on screen in the reader's language. */
public class ReportException extends Refusal {

    public ReportException(String key, Object... arguments) {
        super(key, arguments);
    }
}

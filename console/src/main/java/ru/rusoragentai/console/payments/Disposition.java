package ru.rusoragentai.console.payments;

import org.jspecify.annotations.Nullable;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.console.i18n.Texts;

/**
 * What intake decided for a delivery, before it is written to the inbox.
 *
 * @param outcome    what became of it, said in the reader's language on the inbox screen and in English elsewhere
 * @param httpStatus the answer to the vendor
 */
record Disposition(InboxStatus status, @Nullable Text outcome, int httpStatus, @Nullable Long userId) {

    static Disposition of(InboxStatus status, Text outcome, int httpStatus) {
        return new Disposition(status, outcome, httpStatus, null);
    }

    Disposition forUser(Long id) {
        return new Disposition(status, outcome, httpStatus, id);
    }

    /** The same decision with a note after its outcome ("... Replayed under the current settings."). */
    Disposition withNote(Text note) {
        return new Disposition(status, new Text("inbox.outcome.with-note", outcome, note), httpStatus, userId);
    }

    /** The outcome in English: the inbox's text column, the log and the vendor's answer. */
    String english() {
        return Texts.english(outcome.key(), outcome.arguments());
    }
}

package ru.rusoragentai.console.payments;

import org.jspecify.annotations.Nullable;
import ru.rusoragentai.console.i18n.Text;

/**
 * The answer to a webhook delivery: the HTTP status for the vendor, the inbox row and what happened.
 *
 * @param outcome     what happened, in English (the vendor's answer, logs)
 * @param outcomeText the same, to be said in a staff member's language
 */
public record IntakeResult(int httpStatus, long inboxId, InboxStatus status, @Nullable String outcome, @Nullable Text outcomeText) {

    static IntakeResult of(Disposition disposition, long inboxId) {
        return new IntakeResult(disposition.httpStatus(), inboxId, disposition.status(), disposition.english(), disposition.outcome());
    }
}

package ru.rusoragentai.console.payments;

/** The answer to a webhook delivery: the HTTP status for the vendor, the inbox row and what happened. */
public record IntakeResult(int httpStatus, long inboxId, InboxStatus status, String outcome) {
}

package ru.rusoragentai.console.payments;

/**
 * What intake decided for a delivery, before it is written to the inbox.
 *
 * @param httpStatus the answer to the vendor
 */
record Disposition(InboxStatus status, String outcome, int httpStatus, Long userId) {

    static Disposition of(InboxStatus status, String outcome, int httpStatus) {
        return new Disposition(status, outcome, httpStatus, null);
    }

    Disposition forUser(Long id) {
        return new Disposition(status, outcome, httpStatus, id);
    }
}

package ru.rusoragentai.spi;

/** What a payment event does to the user's tokens. */
public enum PaymentKind {
    /** A first purchase: credits the pack's tokens. */
    PURCHASE,
    /** A subscription renewed: credits the pack's tokens again. */
    RENEWAL,
    /** A subscription will not renew: recorded, no token change. */
    CANCELLATION,
    /** Money returned: debits the tokens the payment credited. */
    REFUND,
    /** Money reversed by the bank: debits the tokens the payment credited. */
    CHARGEBACK;

    /** Whether the event credits tokens. */
    public boolean credits() {
        return this == PURCHASE || this == RENEWAL;
    }

    /** Whether the event takes back the tokens of an earlier payment. */
    public boolean reverses() {
        return this == REFUND || this == CHARGEBACK;
    }
}

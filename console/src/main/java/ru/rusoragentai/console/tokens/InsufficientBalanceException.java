package ru.rusoragentai.console.tokens;

/** A debit would take the balance below zero and the request did not allow that. Nothing was written. */
public class InsufficientBalanceException extends RuntimeException {

    private final long balance;
    private final long delta;

    public InsufficientBalanceException(long userId, long balance, long delta) {
        super("User " + userId + " has " + balance + " tokens; a change of " + delta + " would go below zero");
        this.balance = balance;
        this.delta = delta;
    }

    public long balance() {
        return balance;
    }

    public long delta() {
        return delta;
    }
}

package ru.rusoragentai.console.tokens;

/** A user whose stored balance differs from the sum of their ledger. */
public record BalanceDiscrepancy(long userId, long balance, long ledgerSum) {
}

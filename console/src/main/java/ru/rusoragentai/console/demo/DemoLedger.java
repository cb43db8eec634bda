package ru.rusoragentai.console.demo;

import org.jspecify.annotations.Nullable;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One user's ledger as the platform writes it: collected in any order, written in time order, each row with the
 * balance after it, so the ledger screen reads as a statement. Usage is debited monthly, never taking the balance below
 * zero then or later (the platform stops serving at zero).
 */
final class DemoLedger {

    /** A goodwill credit a staff member granted; its adjustment row points at the ledger row. */
    private record Goodwill(String reasonCode, @Nullable String comment, String staff) {
    }

    private record Entry(LocalDateTime at, long delta, String kind, @Nullable String reference, @Nullable String reason, @Nullable Goodwill goodwill) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private long sequence;

    /** Starts the next user's ledger. */
    void begin() {
        entries.clear();
    }

    void add(LocalDateTime at, long delta, String kind, String reference, String reason) {
        entries.add(new Entry(at, delta, kind, reference, reason, null));
    }

    void addGoodwill(LocalDateTime at, long tokens, String comment, String staff) {
        entries.add(new Entry(at, tokens, "adjustment", "goodwill", "Goodwill: slow answers", new Goodwill("goodwill", comment, staff)));
    }

    /** A debit at the end of each month (or now) of what the user was charged that month, no more than they had then. */
    void debitUsage(long[] monthlyCharge, LocalDateTime start, LocalDateTime now) {
        for (int month = 0; month < monthlyCharge.length; month++) {
            LocalDateTime at = start.plusMonths(month + 1).minusSeconds(1);
            at = at.isAfter(now) ? now : at;
            long debit = Math.min(monthlyCharge[month], Math.max(0, lowestBalanceFrom(at)));
            if (debit > 0) {
                add(at, -debit, "usage", "usage:" + start.plusMonths(month).toLocalDate().toString().substring(0, 7), null);
            }
        }
    }

    /** The lowest the balance is at or after the instant: a debit then must not take a later refund below zero. */
    private long lowestBalanceFrom(LocalDateTime at) {
        entries.sort(Comparator.comparing(Entry::at));
        long balance = 0;
        long lowest = Long.MAX_VALUE;
        for (Entry e : entries) {
            if (e.at().isAfter(at)) {
                lowest = Math.min(lowest, balance);
            }
            balance += e.delta();
        }
        return Math.min(lowest, balance);
    }

    /**
     * Writes the rows in time order with their running balance (and the adjustment rows of goodwill credits).
     *
     * @return the final balance
     */
    long write(DemoLoaders out, long userId, long[] counts) throws SQLException {
        entries.sort(Comparator.comparing(Entry::at));
        long balance = 0;
        for (Entry e : entries) {
            balance += e.delta();
            out.ledger.add(++sequence, userId, e.delta(), balance, e.kind(), e.reference(), "system", e.reason(),
                    "demo:" + sequence, Timestamp.valueOf(e.at()));
            counts[4]++;
            if (e.goodwill() != null) {
                out.adjustments.add(userId, e.delta(), e.goodwill().reasonCode(), e.goodwill().comment(), e.goodwill().staff(),
                        Timestamp.valueOf(e.at()), "applied", sequence);
                counts[8]++;
            }
        }
        return balance;
    }
}

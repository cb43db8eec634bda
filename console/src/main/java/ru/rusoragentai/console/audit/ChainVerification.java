package ru.rusoragentai.console.audit;

import org.jspecify.annotations.Nullable;

/**
 * Result of walking the audit chain.
 *
 * @param intact         true when every row matches its hash and links to its predecessor
 * @param checkedEvents  rows examined
 * @param firstBadId     the first row found wrong (or, for a removed tail, the last id the head expects); null when intact
 * @param problem        what was found at that row; null when intact
 */
public record ChainVerification(boolean intact, long checkedEvents, Long firstBadId, @Nullable Problem problem) {

    public enum Problem {
        /** The row's content no longer matches its hash. */
        MODIFIED,
        /** The row does not link to the row before it: a row was inserted or deleted here. */
        INSERTED_OR_DELETED,
        /** Rows at the end of the chain are missing. */
        TAIL_DELETED
    }

    static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, long id, Problem problem) {
        return new ChainVerification(false, checked, id, problem);
    }
}

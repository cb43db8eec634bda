package ru.rusoragentai.console.abuse.detect;

import java.time.LocalDateTime;

/**
 * Which subjects a run looks at, and as of when. Incremental runs look at the subjects of the source rows with ids in
 * {@code (afterId, upToId]}; a re-evaluation or backtest looks at the subjects active in {@code [activeFrom, asOf)}.
 * Either way each subject is judged over the rule's window ending at {@code asOf}.
 */
public record Scope(LocalDateTime asOf, long afterId, long upToId, LocalDateTime activeFrom) {

    public static Scope newRows(LocalDateTime asOf, long afterId, long upToId) {
        return new Scope(asOf, afterId, upToId, null);
    }

    public static Scope activeBetween(LocalDateTime from, LocalDateTime asOf) {
        return new Scope(asOf, 0, Long.MAX_VALUE, from);
    }

    public boolean byTime() {
        return activeFrom != null;
    }
}

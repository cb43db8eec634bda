package ru.rusoragentai.console.tokens;

import java.util.List;

/**
 * A bulk adjustment file checked row by row, before anything is applied.
 *
 * @param sha256        the file's hash; the same file can be applied only once
 * @param alreadyApplied true when a file with this hash was applied before
 */
public record BulkPreview(String fileName, String sha256, List<Row> rows, boolean alreadyApplied) {

    /** One line of the file; {@code errors} holds translation keys, empty when the row is valid. */
    public record Row(int line, String identifier, Long userId, Long delta, ReasonCode reason, String comment, List<String> errors) {
    }

    public boolean applicable() {
        return !alreadyApplied && rows.stream().allMatch(r -> r.errors().isEmpty());
    }

    public long errorCount() {
        return rows.stream().filter(r -> !r.errors().isEmpty()).count();
    }

    public long totalDelta() {
        return rows.stream().filter(r -> r.delta() != null).mapToLong(Row::delta).sum();
    }
}

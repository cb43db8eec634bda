package ru.rusoragentai.console.tokens;

import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * A bulk adjustment file checked row by row, before anything is applied.
 *
 * @param sha256        the file's hash; the same file can be applied only once
 * @param alreadyApplied true when a file with this hash was applied before
 */
public record BulkPreview(String fileName, String sha256, List<Row> rows, boolean alreadyApplied) {

    /**
     * One line of the file; {@code errors} holds translation keys, empty when the row is valid. {@code tokensText} and
     * {@code reasonText} are the cells as written, to show what was wrong; {@code userName} names the user found.
     */
    public record Row(int line, @Nullable String identifier, @Nullable Long userId, String userName, @Nullable Long delta, String tokensText, @Nullable ReasonCode reason,
                      String reasonText, @Nullable String comment, List<String> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public boolean applicable() {
        return !alreadyApplied && rows.stream().allMatch(r -> r.errors().isEmpty());
    }

    public long errorCount() {
        return rows.stream().filter(r -> !r.errors().isEmpty()).count();
    }

    public long validCount() {
        return rows.stream().filter(Row::valid).count();
    }

    /** Tokens of the valid rows only: what applying would move once the others are fixed or removed. */
    public long validDelta() {
        return rows.stream().filter(Row::valid).mapToLong(Row::delta).sum();
    }
}

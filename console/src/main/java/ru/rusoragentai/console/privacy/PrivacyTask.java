package ru.rusoragentai.console.privacy;

import org.jspecify.annotations.Nullable;
import ru.rusoragentai.console.i18n.Text;
import java.time.LocalDateTime;

/**
 * One unit of background work on a request: building its export package, or erasing the subject from one data
 * system (our tables, a plugin's remote system) or scanning for residue. Claimed by one worker at a time.
 *
 * @param system   {@link #PACKAGE}, a {@code console.*} step, {@code plugin:<id>} or {@link #RESIDUAL_SCAN}
 * @param progress 0 to 100
 */
public record PrivacyTask(long id, long requestId, String system, int position, TaskStatus status, int attempts, int progress,
                          @Nullable String result, @Nullable Text resultText, @Nullable String lastError, LocalDateTime startedAt, @Nullable LocalDateTime finishedAt) {

    public static final String PACKAGE = "package";
    public static final String RESIDUAL_SCAN = "residual_scan";
    public static final String PLUGIN_PREFIX = "plugin:";

    /** Where a task stands. */
    public enum TaskStatus {
        PENDING, RUNNING, DONE, FAILED;

        public String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static TaskStatus fromDb(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}

package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/** A case: related flags of one rule (one ring), with its state and how it ended. */
public record CaseSummary(long id, @Nullable String rule, String status, @Nullable String outcome, int flags, int openFlags, int users,
                          LocalDateTime createdAt, LocalDateTime updatedAt, String closedBy, int version) {
}

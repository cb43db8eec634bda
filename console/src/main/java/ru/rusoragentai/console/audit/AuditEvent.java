package ru.rusoragentai.console.audit;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/** One audit entry as shown to staff. Times are UTC. */
public record AuditEvent(long id, LocalDateTime occurredAt, String actor, String action,
                         @Nullable String targetType, String targetId, @Nullable String details) {
}

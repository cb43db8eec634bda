package ru.rusoragentai.console.audit;

import java.time.LocalDateTime;

/** One audit entry as shown to staff. Times are UTC. */
public record AuditEvent(long id, LocalDateTime occurredAt, String actor, String action,
                         String targetType, String targetId, String details) {
}

package ru.rusoragentai.console.audit;

import org.jspecify.annotations.Nullable;

/** Optional filters for the audit log; blank means "any". Matching is by prefix. */
public record AuditFilter(String actor, String action, @Nullable String targetType, String targetId) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }

    public static AuditFilter forTarget(String targetType, String targetId) {
        return new AuditFilter(null, null, targetType, targetId);
    }
}

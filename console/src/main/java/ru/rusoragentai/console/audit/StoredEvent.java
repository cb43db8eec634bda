package ru.rusoragentai.console.audit;

import java.time.LocalDateTime;

/** An audit row with its chain fields, as hashed and verified. */
record StoredEvent(long id, LocalDateTime occurredAt, String actor, String action, String targetType, String targetId,
                   String details, String prevHash, String hash) {

    StoredEvent withHash(String newHash) {
        return new StoredEvent(id, occurredAt, actor, action, targetType, targetId, details, prevHash, newHash);
    }
}

package ru.rusoragentai.console.audit;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/** An audit row with its chain fields, as hashed and verified. {@code id} is 0 until inserted. */
record StoredEvent(long id, int chainNo, long seq, LocalDateTime occurredAt, String actor, String action, @Nullable String targetType,
                   String targetId, @Nullable String details, String prevHash, String hash) {

    StoredEvent withHash(String newHash) {
        return new StoredEvent(id, chainNo, seq, occurredAt, actor, action, targetType, targetId, details, prevHash, newHash);
    }
}

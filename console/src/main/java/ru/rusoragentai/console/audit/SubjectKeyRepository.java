package ru.rusoragentai.console.audit;

import static ru.rusoragentai.db.Tables.SUBJECT_KEY;

import java.time.LocalDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The per-user keys that seal personal details in audit events (see V13). */
@Repository
class SubjectKeyRepository {

    private final DSLContext dsl;

    SubjectKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<byte[]> find(long userId) {
        return dsl.select(SUBJECT_KEY.KEY_ENC).from(SUBJECT_KEY).where(SUBJECT_KEY.USER_ID.eq(userId)).fetchOptional(SUBJECT_KEY.KEY_ENC);
    }

    /** Stores the key unless the user has one already (a concurrent first event); the stored one wins. */
    void insertIfAbsent(long userId, byte[] keyEnc, LocalDateTime now) {
        dsl.insertInto(SUBJECT_KEY).set(SUBJECT_KEY.USER_ID, userId).set(SUBJECT_KEY.KEY_ENC, keyEnc)
                .set(SUBJECT_KEY.CREATED_AT, now).onDuplicateKeyIgnore().execute();
    }
}

package ru.rusoragentai.console.retention;

import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.CONVERSATION;
import static ru.rusoragentai.db.Tables.EXPORT_FILE;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class RetentionRepository {

    /** An export package past its expiry. */
    record ExpiredExport(long id, String storagePath) {
    }

    private final DSLContext dsl;

    RetentionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Up to {@code limit} conversations not updated within their owner's retention setting. */
    List<Long> expiredConversations(LocalDateTime now, int limit) {
        return dsl.select(CONVERSATION.ID).from(CONVERSATION).join(APP_USER).on(APP_USER.ID.eq(CONVERSATION.USER_ID))
                .where(APP_USER.CONVERSATION_RETENTION_DAYS.isNotNull(),
                        CONVERSATION.UPDATED_AT.lt(DSL.localDateTimeSub(DSL.val(now), APP_USER.CONVERSATION_RETENTION_DAYS, DatePart.DAY)))
                .limit(limit).fetch(CONVERSATION.ID);
    }

    /** Deletes conversations; their messages go with them (ON DELETE CASCADE). */
    int deleteConversations(List<Long> ids) {
        return ids.isEmpty() ? 0 : dsl.deleteFrom(CONVERSATION).where(CONVERSATION.ID.in(ids)).execute();
    }

    List<ExpiredExport> expiredExports(LocalDateTime now) {
        return dsl.select(EXPORT_FILE.ID, EXPORT_FILE.STORAGE_PATH).from(EXPORT_FILE)
                .where(EXPORT_FILE.EXPIRES_AT.lt(now), EXPORT_FILE.DELETED_AT.isNull())
                .fetch(r -> new ExpiredExport(r.value1(), r.value2()));
    }

    void markExportDeleted(long id, LocalDateTime now) {
        dsl.update(EXPORT_FILE).set(EXPORT_FILE.DELETED_AT, now).where(EXPORT_FILE.ID.eq(id)).execute();
    }
}

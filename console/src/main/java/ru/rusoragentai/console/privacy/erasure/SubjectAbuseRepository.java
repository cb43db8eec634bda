package ru.rusoragentai.console.privacy.erasure;

import static ru.rusoragentai.db.Tables.ABUSE_ACTION;
import static ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST;
import static ru.rusoragentai.db.Tables.ABUSE_CASE_NOTE;
import static ru.rusoragentai.db.Tables.ABUSE_FLAG;
import static ru.rusoragentai.db.Tables.ABUSE_SCORE;
import static ru.rusoragentai.db.Tables.ABUSE_SNOOZE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What abuse monitoring holds about the subject: their flags, score, snoozes and actions go; a blocklist entry keeps
 * only its keyed hash (so a banned person cannot come back by asking to be forgotten) and loses its link and its
 * readable value; other accounts' evidence loses the subject's account id and every identifier of theirs, and case
 * notes that name them are replaced.
 */
@Repository
class SubjectAbuseRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;

    SubjectAbuseRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    int deleteOwnRows(long userId, int limit) {
        int deleted = dsl.deleteFrom(ABUSE_FLAG).where(ABUSE_FLAG.USER_ID.eq(userId)).limit(limit).execute();
        deleted += dsl.deleteFrom(ABUSE_SNOOZE).where(ABUSE_SNOOZE.USER_ID.eq(userId)).execute();
        deleted += dsl.deleteFrom(ABUSE_SCORE).where(ABUSE_SCORE.USER_ID.eq(userId)).execute();
        deleted += dsl.deleteFrom(ABUSE_ACTION).where(ABUSE_ACTION.USER_ID.eq(userId)).limit(limit).execute();
        deleted += dsl.update(ABUSE_BLOCKLIST).setNull(ABUSE_BLOCKLIST.USER_ID).setNull(ABUSE_BLOCKLIST.VALUE_TEXT)
                .where(ABUSE_BLOCKLIST.USER_ID.eq(userId)).execute();
        return deleted;
    }

    /** Other accounts' flags that list the subject as linked: the id leaves the list. */
    int unlinkFromEvidence(long userId) {
        int changed = 0;
        var rows = dsl.select(ABUSE_FLAG.ID, ABUSE_FLAG.EVIDENCE).from(ABUSE_FLAG)
                .where(DSL.condition("JSON_CONTAINS({0}, {1}, '$.linked')", ABUSE_FLAG.EVIDENCE, DSL.val(Long.toString(userId))))
                .fetch();
        for (var row : rows) {
            Map<String, Object> evidence = JSON.readValue(row.value2(), new TypeReference<java.util.LinkedHashMap<String, Object>>() {
            });
            List<Object> linked = new ArrayList<>((List<?>) evidence.get("linked"));
            linked.removeIf(id -> id instanceof Number n && n.longValue() == userId);
            evidence.put("linked", linked);
            changed += dsl.update(ABUSE_FLAG).set(ABUSE_FLAG.EVIDENCE, JSON.writeValueAsString(evidence))
                    .where(ABUSE_FLAG.ID.eq(row.value1())).execute();
        }
        return changed;
    }

    /** Evidence and case notes naming one of the subject's identifiers ({@code pattern}, case-insensitive). */
    int redactMentions(String pattern, String redacted) {
        int evidence = dsl.update(ABUSE_FLAG)
                .set(ABUSE_FLAG.EVIDENCE, DSL.field("REGEXP_REPLACE({0}, {1}, {2})", String.class, ABUSE_FLAG.EVIDENCE,
                        DSL.val("(?i)" + pattern), DSL.val(redacted)))
                .where(matches(ABUSE_FLAG.EVIDENCE, pattern)).execute();
        int notes = dsl.update(ABUSE_CASE_NOTE).set(ABUSE_CASE_NOTE.BODY, redacted).where(matches(ABUSE_CASE_NOTE.BODY, pattern)).execute();
        return evidence + notes;
    }

    private static org.jooq.Condition matches(org.jooq.Field<?> field, String pattern) {
        return DSL.condition("LOWER(CONVERT({0} USING utf8mb4)) REGEXP {1}", field, DSL.val(pattern));
    }
}

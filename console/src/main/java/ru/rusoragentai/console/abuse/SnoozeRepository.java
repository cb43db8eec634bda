package ru.rusoragentai.console.abuse;

import static ru.rusoragentai.db.Tables.ABUSE_SNOOZE;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class SnoozeRepository {

    private final DSLContext dsl;

    SnoozeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void snooze(String rule, long userId, LocalDateTime until, String reason, String actor, LocalDateTime now) {
        dsl.insertInto(ABUSE_SNOOZE).set(ABUSE_SNOOZE.RULE_CODE, rule).set(ABUSE_SNOOZE.USER_ID, userId)
                .set(ABUSE_SNOOZE.UNTIL_AT, until).set(ABUSE_SNOOZE.REASON, reason).set(ABUSE_SNOOZE.CREATED_BY, actor)
                .set(ABUSE_SNOOZE.CREATED_AT, now)
                .onDuplicateKeyUpdate().set(ABUSE_SNOOZE.UNTIL_AT, until).set(ABUSE_SNOOZE.REASON, reason)
                .set(ABUSE_SNOOZE.CREATED_BY, actor).set(ABUSE_SNOOZE.CREATED_AT, now).execute();
    }

    List<RuleSnooze> of(long userId, LocalDateTime now) {
        return dsl.selectFrom(ABUSE_SNOOZE).where(ABUSE_SNOOZE.USER_ID.eq(userId).and(ABUSE_SNOOZE.UNTIL_AT.gt(now)))
                .orderBy(ABUSE_SNOOZE.RULE_CODE).fetch(r -> new RuleSnooze(r.getRuleCode(), r.getUntilAt(), r.getCreatedBy()));
    }
}

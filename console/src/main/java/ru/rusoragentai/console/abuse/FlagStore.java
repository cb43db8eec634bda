package ru.rusoragentai.console.abuse;

import static ru.rusoragentai.db.Tables.ABUSE_CASE;
import static ru.rusoragentai.db.Tables.ABUSE_FLAG;
import static ru.rusoragentai.db.Tables.ABUSE_SNOOZE;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.console.abuse.detect.Finding;

/** Writes what detectors found: one flag per rule, subject and episode, new evidence on an open flag, nothing on a decided one. */
@Repository
class FlagStore {

    private final DSLContext dsl;

    FlagStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    long count(String rule) {
        return dsl.fetchCount(ABUSE_FLAG, ABUSE_FLAG.RULE_CODE.eq(rule));
    }

    /** Users for whom {@code rule} is snoozed at {@code now}. */
    Set<Long> snoozed(String rule, Collection<Long> users, LocalDateTime now) {
        if (users.isEmpty()) {
            return Set.of();
        }
        return dsl.select(ABUSE_SNOOZE.USER_ID).from(ABUSE_SNOOZE)
                .where(ABUSE_SNOOZE.RULE_CODE.eq(rule).and(ABUSE_SNOOZE.USER_ID.in(users)).and(ABUSE_SNOOZE.UNTIL_AT.gt(now)))
                .fetchSet(ABUSE_SNOOZE.USER_ID);
    }

    /**
     * Inserts each finding, or on a flag that exists for the same rule, subject and episode: replaces the evidence
     * while the flag is open (counting the hit), leaves a decided flag as it is, and lets a live run lift a shadow flag.
     * MariaDB applies the assignments left to right, so the hit count and time compare the old evidence.
     */
    void upsert(String rule, List<Finding> findings, boolean shadow, LocalDateTime now) {
        var batch = findings.stream().map(f -> dsl.insertInto(ABUSE_FLAG)
                        .set(ABUSE_FLAG.USER_ID, f.userId()).set(ABUSE_FLAG.STAFF_SUBJECT, f.staffSubject())
                        .set(ABUSE_FLAG.RULE_CODE, rule).set(ABUSE_FLAG.SUBJECT_KEY, f.subjectKey())
                        .set(ABUSE_FLAG.EPISODE, abbreviate(f.episode(), 160)).set(ABUSE_FLAG.GROUP_KEY, f.groupKey() == null ? null : abbreviate(f.groupKey(), 160))
                        .set(ABUSE_FLAG.EVIDENCE, Evidence.toJson(f.evidence())).set(ABUSE_FLAG.STATUS, FlagStatus.NEW.dbValue())
                        .set(ABUSE_FLAG.SHADOW, shadow).set(ABUSE_FLAG.HITS, 1).set(ABUSE_FLAG.CREATED_AT, now).set(ABUSE_FLAG.UPDATED_AT, now)
                        .onDuplicateKeyUpdate()
                        .set(ABUSE_FLAG.HITS, DSL.field("IF(status IN ('new', 'in_review') AND evidence <> VALUES(evidence), hits + 1, hits)", Integer.class))
                        .set(ABUSE_FLAG.UPDATED_AT, DSL.field("IF(status IN ('new', 'in_review') AND evidence <> VALUES(evidence), VALUES(updated_at), updated_at)", LocalDateTime.class))
                        .set(ABUSE_FLAG.EVIDENCE, DSL.field("IF(status IN ('new', 'in_review'), VALUES(evidence), evidence)", String.class))
                        .set(ABUSE_FLAG.SHADOW, DSL.field("shadow AND VALUES(shadow)", Boolean.class)))
                .toList();
        for (int i = 0; i < batch.size(); i += 500) {
            dsl.batch(batch.subList(i, Math.min(batch.size(), i + 500))).execute();
        }
    }

    /** Groups of two or more flags of one rule become one case; flags without a case join theirs. */
    void attachCases(String rule, Set<String> groups, LocalDateTime now) {
        for (String group : groups) {
            int members = dsl.fetchCount(ABUSE_FLAG, ABUSE_FLAG.RULE_CODE.eq(rule).and(ABUSE_FLAG.GROUP_KEY.eq(group)));
            if (members < 2) {
                continue;
            }
            String key = abbreviate(rule + ":" + group, 200);
            dsl.insertInto(ABUSE_CASE).set(ABUSE_CASE.CASE_KEY, key).set(ABUSE_CASE.RULE_CODE, rule)
                    .set(ABUSE_CASE.CREATED_AT, now).set(ABUSE_CASE.UPDATED_AT, now).onDuplicateKeyIgnore().execute();
            long caseId = dsl.select(ABUSE_CASE.ID).from(ABUSE_CASE).where(ABUSE_CASE.CASE_KEY.eq(key)).fetchSingle().value1();
            dsl.update(ABUSE_FLAG).set(ABUSE_FLAG.CASE_ID, caseId)
                    .where(ABUSE_FLAG.RULE_CODE.eq(rule).and(ABUSE_FLAG.GROUP_KEY.eq(group)).and(ABUSE_FLAG.CASE_ID.isNull())).execute();
        }
    }

    static Set<String> groups(List<Finding> findings) {
        return findings.stream().map(Finding::groupKey).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

package ru.rusoragentai.console.abuse;

import static ru.rusoragentai.db.Tables.ABUSE_FLAG;
import static ru.rusoragentai.db.Tables.ABUSE_RULE;
import static ru.rusoragentai.db.Tables.ABUSE_SCORE;
import static ru.rusoragentai.db.Tables.APP_USER;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The review queue: live flags with their user and score, filtered and ordered; and the decisions on them. */
@Repository
class QueueRepository {

    private static final Field<Integer> SCORE = DSL.coalesce(ABUSE_SCORE.SCORE, DSL.inline(0));
    private static final Field<Integer> SEVERITY_RANK = DSL.when(ABUSE_RULE.SEVERITY.eq("high"), 3)
            .when(ABUSE_RULE.SEVERITY.eq("medium"), 2).otherwise(1);

    private final DSLContext dsl;

    QueueRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * One page in two steps: the ids by the flag's own indexes (by time, or by the score copied onto the flag), joining
     * the rules only to filter by severity; then those rows with their user, rule and score.
     */
    List<FlagSummary> find(FlagFilter filter, QueueSort sort, int offset, int limit) {
        List<Long> ids = ids(filter, sort.key() == QueueSort.Key.SEVERITY).orderBy(order(sort)).offset(offset).limit(limit).fetch(ABUSE_FLAG.ID);
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, FlagSummary> rows = new java.util.HashMap<>();
        dsl.select(ABUSE_FLAG.fields()).select(ABUSE_RULE.SEVERITY, APP_USER.DISPLAY_NAME, APP_USER.USERNAME, SCORE)
                .from(ABUSE_FLAG).join(ABUSE_RULE).on(ABUSE_RULE.CODE.eq(ABUSE_FLAG.RULE_CODE))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(ABUSE_FLAG.USER_ID))
                .leftJoin(ABUSE_SCORE).on(ABUSE_SCORE.USER_ID.eq(ABUSE_FLAG.USER_ID))
                .where(ABUSE_FLAG.ID.in(ids)).fetch(QueueRepository::summary).forEach(f -> rows.put(f.id(), f));
        return ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
    }

    int count(FlagFilter filter) {
        return dsl.fetchCount(ids(filter, false));
    }

    private org.jooq.SelectConditionStep<org.jooq.Record1<Long>> ids(FlagFilter filter, boolean withRules) {
        var from = filter.severity() == null && !withRules ? dsl.select(ABUSE_FLAG.ID).from(ABUSE_FLAG)
                : dsl.select(ABUSE_FLAG.ID).from(ABUSE_FLAG).join(ABUSE_RULE).on(ABUSE_RULE.CODE.eq(ABUSE_FLAG.RULE_CODE));
        return from.where(condition(filter));
    }

    Optional<FlagSummary> find(long id) {
        return dsl.select(ABUSE_FLAG.fields()).select(ABUSE_RULE.SEVERITY, APP_USER.DISPLAY_NAME, APP_USER.USERNAME, SCORE)
                .from(ABUSE_FLAG).join(ABUSE_RULE).on(ABUSE_RULE.CODE.eq(ABUSE_FLAG.RULE_CODE))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(ABUSE_FLAG.USER_ID))
                .leftJoin(ABUSE_SCORE).on(ABUSE_SCORE.USER_ID.eq(ABUSE_FLAG.USER_ID))
                .where(ABUSE_FLAG.ID.eq(id)).fetchOptional(QueueRepository::summary);
    }

    /** Takes open flags for {@code staff}; a new flag goes into review. Returns the ids it took. */
    List<Long> assign(Collection<Long> ids, String staff) {
        List<Long> open = dsl.select(ABUSE_FLAG.ID).from(ABUSE_FLAG)
                .where(ABUSE_FLAG.ID.in(ids).and(ABUSE_FLAG.STATUS.in(FlagStatus.NEW.dbValue(), FlagStatus.IN_REVIEW.dbValue())))
                .forUpdate().fetch(ABUSE_FLAG.ID);
        if (!open.isEmpty()) {
            dsl.update(ABUSE_FLAG).set(ABUSE_FLAG.ASSIGNEE, staff).set(ABUSE_FLAG.STATUS, FlagStatus.IN_REVIEW.dbValue())
                    .set(ABUSE_FLAG.VERSION, ABUSE_FLAG.VERSION.plus(1)).where(ABUSE_FLAG.ID.in(open)).execute();
        }
        return open;
    }

    /** Decides an open flag read at {@code version}; false when it was decided or changed meanwhile. */
    boolean decide(long id, int version, FlagStatus outcome, String staff, String reason, LocalDateTime at) {
        return dsl.update(ABUSE_FLAG).set(ABUSE_FLAG.STATUS, outcome.dbValue()).set(ABUSE_FLAG.RESOLVED_BY, staff)
                .set(ABUSE_FLAG.RESOLVED_AT, at).set(ABUSE_FLAG.RESOLUTION, reason).set(ABUSE_FLAG.VERSION, ABUSE_FLAG.VERSION.plus(1))
                .where(ABUSE_FLAG.ID.eq(id).and(ABUSE_FLAG.VERSION.eq(version))
                        .and(ABUSE_FLAG.STATUS.in(FlagStatus.NEW.dbValue(), FlagStatus.IN_REVIEW.dbValue())))
                .execute() == 1;
    }

    /** Decides every open flag among {@code ids} (or of a case); returns the flags it decided with their users. */
    List<FlagSummary> decideAll(Condition which, FlagStatus outcome, String staff, String reason, LocalDateTime at) {
        Condition open = which.and(ABUSE_FLAG.STATUS.in(FlagStatus.NEW.dbValue(), FlagStatus.IN_REVIEW.dbValue()));
        List<Long> ids = dsl.select(ABUSE_FLAG.ID).from(ABUSE_FLAG).where(open).forUpdate().fetch(ABUSE_FLAG.ID);
        if (ids.isEmpty()) {
            return List.of();
        }
        dsl.update(ABUSE_FLAG).set(ABUSE_FLAG.STATUS, outcome.dbValue()).set(ABUSE_FLAG.RESOLVED_BY, staff)
                .set(ABUSE_FLAG.RESOLVED_AT, at).set(ABUSE_FLAG.RESOLUTION, reason).set(ABUSE_FLAG.VERSION, ABUSE_FLAG.VERSION.plus(1))
                .where(ABUSE_FLAG.ID.in(ids)).execute();
        List<FlagSummary> decided = new ArrayList<>();
        ids.forEach(id -> find(id).ifPresent(decided::add));
        return decided;
    }

    static Condition byIds(Collection<Long> ids) {
        return ABUSE_FLAG.ID.in(ids);
    }

    static Condition byCase(long caseId) {
        return ABUSE_FLAG.CASE_ID.eq(caseId);
    }

    private static Condition condition(FlagFilter f) {
        List<Condition> all = new ArrayList<>();
        all.add(ABUSE_FLAG.SHADOW.isFalse());
        if (f.rule() != null) {
            all.add(ABUSE_FLAG.RULE_CODE.eq(f.rule()));
        }
        if (f.severity() != null) {
            all.add(ABUSE_RULE.SEVERITY.eq(f.severity().dbValue()));
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            all.add(ABUSE_FLAG.STATUS.in(f.statuses().stream().map(FlagStatus::dbValue).toList()));
        }
        if (f.minScore() != null) {
            all.add(ABUSE_FLAG.SCORE.ge(f.minScore()));
        }
        if (f.createdAfter() != null) {
            all.add(ABUSE_FLAG.CREATED_AT.ge(f.createdAfter()));
        }
        if (f.assignee() != null) {
            all.add(f.assignee().isEmpty() ? ABUSE_FLAG.ASSIGNEE.isNull() : ABUSE_FLAG.ASSIGNEE.eq(f.assignee()));
        }
        if (f.userId() != null) {
            all.add(ABUSE_FLAG.USER_ID.eq(f.userId()));
        }
        if (f.caseId() != null) {
            all.add(ABUSE_FLAG.CASE_ID.eq(f.caseId()));
        }
        return DSL.and(all);
    }

    private static List<SortField<?>> order(QueueSort sort) {
        Field<?> field = switch (sort.key()) {
            case CREATED -> ABUSE_FLAG.CREATED_AT;
            case SCORE -> ABUSE_FLAG.SCORE;
            case SEVERITY -> SEVERITY_RANK;
            case RULE -> ABUSE_FLAG.RULE_CODE;
            case STATUS -> ABUSE_FLAG.STATUS;
        };
        return List.of(sort.ascending() ? field.asc() : field.desc(), sort.ascending() ? ABUSE_FLAG.ID.asc() : ABUSE_FLAG.ID.desc());
    }

    private static FlagSummary summary(Record r) {
        return new FlagSummary(r.get(ABUSE_FLAG.ID), r.get(ABUSE_FLAG.RULE_CODE), Severity.fromDb(r.get(ABUSE_RULE.SEVERITY)),
                FlagStatus.fromDb(r.get(ABUSE_FLAG.STATUS)), r.get(ABUSE_FLAG.USER_ID), r.get(ABUSE_FLAG.STAFF_SUBJECT),
                r.get(APP_USER.DISPLAY_NAME), r.get(APP_USER.USERNAME), r.get(SCORE), r.get(ABUSE_FLAG.ASSIGNEE),
                r.get(ABUSE_FLAG.CASE_ID), r.get(ABUSE_FLAG.CREATED_AT), r.get(ABUSE_FLAG.UPDATED_AT), r.get(ABUSE_FLAG.HITS),
                Evidence.fromJson(r.get(ABUSE_FLAG.EVIDENCE)), r.get(ABUSE_FLAG.RESOLVED_BY), r.get(ABUSE_FLAG.RESOLVED_AT),
                r.get(ABUSE_FLAG.VERSION));
    }
}

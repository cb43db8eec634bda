package ru.rusoragentai.console.abuse;

import static ru.rusoragentai.db.Tables.ABUSE_CASE;
import static ru.rusoragentai.db.Tables.ABUSE_CASE_NOTE;
import static ru.rusoragentai.db.Tables.ABUSE_FLAG;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class CaseRepository {

    private static final Field<Integer> FLAGS = DSL.field(DSL.selectCount().from(ABUSE_FLAG).where(ABUSE_FLAG.CASE_ID.eq(ABUSE_CASE.ID)));
    private static final Field<Integer> OPEN_FLAGS = DSL.field(DSL.selectCount().from(ABUSE_FLAG)
            .where(ABUSE_FLAG.CASE_ID.eq(ABUSE_CASE.ID).and(ABUSE_FLAG.STATUS.in("new", "in_review"))));
    private static final Field<Integer> USERS = DSL.field(DSL.select(DSL.countDistinct(ABUSE_FLAG.USER_ID)).from(ABUSE_FLAG)
            .where(ABUSE_FLAG.CASE_ID.eq(ABUSE_CASE.ID)));

    private final DSLContext dsl;

    CaseRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<CaseSummary> find(long id) {
        return dsl.select(ABUSE_CASE.fields()).select(FLAGS, OPEN_FLAGS, USERS).from(ABUSE_CASE).where(ABUSE_CASE.ID.eq(id))
                .fetchOptional(CaseRepository::summary);
    }

    List<CaseSummary> find(boolean open, int offset, int limit) {
        return dsl.select(ABUSE_CASE.fields()).select(FLAGS, OPEN_FLAGS, USERS).from(ABUSE_CASE)
                .where(ABUSE_CASE.STATUS.eq(open ? "open" : "closed")).orderBy(ABUSE_CASE.UPDATED_AT.desc(), ABUSE_CASE.ID.desc())
                .offset(offset).limit(limit).fetch(CaseRepository::summary);
    }

    int count(boolean open) {
        return dsl.fetchCount(ABUSE_CASE, ABUSE_CASE.STATUS.eq(open ? "open" : "closed"));
    }

    List<Long> usersOf(long caseId) {
        return dsl.selectDistinct(ABUSE_FLAG.USER_ID).from(ABUSE_FLAG).where(ABUSE_FLAG.CASE_ID.eq(caseId).and(ABUSE_FLAG.USER_ID.isNotNull()))
                .orderBy(ABUSE_FLAG.USER_ID).fetch(ABUSE_FLAG.USER_ID);
    }

    void addNote(long caseId, String author, String body, LocalDateTime at) {
        dsl.insertInto(ABUSE_CASE_NOTE).set(ABUSE_CASE_NOTE.CASE_ID, caseId).set(ABUSE_CASE_NOTE.AUTHOR, author)
                .set(ABUSE_CASE_NOTE.BODY, body).set(ABUSE_CASE_NOTE.CREATED_AT, at).execute();
        dsl.update(ABUSE_CASE).set(ABUSE_CASE.UPDATED_AT, at).where(ABUSE_CASE.ID.eq(caseId)).execute();
    }

    List<CaseNote> notes(long caseId) {
        return dsl.selectFrom(ABUSE_CASE_NOTE).where(ABUSE_CASE_NOTE.CASE_ID.eq(caseId)).orderBy(ABUSE_CASE_NOTE.ID)
                .fetch(r -> new CaseNote(r.getId(), r.getAuthor(), r.getBody(), r.getCreatedAt()));
    }

    /** Closes an open case read at {@code version}; false when it was closed or changed meanwhile. */
    boolean close(long caseId, int version, String outcome, String actor, LocalDateTime at) {
        return dsl.update(ABUSE_CASE).set(ABUSE_CASE.STATUS, "closed").set(ABUSE_CASE.OUTCOME, outcome)
                .set(ABUSE_CASE.CLOSED_BY, actor).set(ABUSE_CASE.CLOSED_AT, at).set(ABUSE_CASE.UPDATED_AT, at)
                .set(ABUSE_CASE.VERSION, ABUSE_CASE.VERSION.plus(1))
                .where(ABUSE_CASE.ID.eq(caseId).and(ABUSE_CASE.VERSION.eq(version)).and(ABUSE_CASE.STATUS.eq("open"))).execute() == 1;
    }

    private static CaseSummary summary(Record r) {
        return new CaseSummary(r.get(ABUSE_CASE.ID), r.get(ABUSE_CASE.RULE_CODE), r.get(ABUSE_CASE.STATUS), r.get(ABUSE_CASE.OUTCOME),
                r.get(FLAGS), r.get(OPEN_FLAGS), r.get(USERS), r.get(ABUSE_CASE.CREATED_AT), r.get(ABUSE_CASE.UPDATED_AT),
                r.get(ABUSE_CASE.CLOSED_BY), r.get(ABUSE_CASE.VERSION));
    }
}

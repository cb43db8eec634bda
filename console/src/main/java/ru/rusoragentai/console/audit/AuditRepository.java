package ru.rusoragentai.console.audit;

import static ru.rusoragentai.db.Tables.AUDIT_CHAIN_HEAD;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;
import ru.rusoragentai.db.tables.records.AuditEventRecord;

@Repository
class AuditRepository {

    record ChainHead(long lastEventId, String lastHash) {
    }

    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    ChainHead lockHead() {
        return dsl.select(AUDIT_CHAIN_HEAD.LAST_EVENT_ID, AUDIT_CHAIN_HEAD.LAST_HASH)
                .from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.eq((byte) 1))
                .forUpdate()
                .fetchOne(Records.mapping(ChainHead::new));
    }

    ChainHead head() {
        return dsl.select(AUDIT_CHAIN_HEAD.LAST_EVENT_ID, AUDIT_CHAIN_HEAD.LAST_HASH)
                .from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.eq((byte) 1))
                .fetchOne(Records.mapping(ChainHead::new));
    }

    void append(AuditEventRecord row) {
        dsl.insertInto(AUDIT_EVENT).set(row).execute();
        dsl.update(AUDIT_CHAIN_HEAD)
                .set(AUDIT_CHAIN_HEAD.LAST_EVENT_ID, row.getId())
                .set(AUDIT_CHAIN_HEAD.LAST_HASH, row.getHash())
                .where(AUDIT_CHAIN_HEAD.ID.eq((byte) 1))
                .execute();
    }

    /** Streams the whole chain in order without loading it into memory. */
    void forEachInOrder(Consumer<AuditEventRecord> consumer) {
        try (Stream<AuditEventRecord> rows = dsl.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.ID).fetchSize(1000).fetchStream()) {
            rows.forEach(consumer);
        }
    }

    List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
        return dsl.select(AUDIT_EVENT.ID, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR, AUDIT_EVENT.ACTION,
                        AUDIT_EVENT.TARGET_TYPE, AUDIT_EVENT.TARGET_ID, AUDIT_EVENT.DETAILS)
                .from(AUDIT_EVENT)
                .where(conditions(filter))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(limit).offset(offset)
                .fetch(Records.mapping(AuditEvent::new));
    }

    int count(AuditFilter filter) {
        return dsl.fetchCount(AUDIT_EVENT, conditions(filter));
    }

    private static List<Condition> conditions(AuditFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        if (StringUtils.hasText(filter.actor())) {
            conditions.add(AUDIT_EVENT.ACTOR.startsWith(filter.actor().trim()));
        }
        if (StringUtils.hasText(filter.action())) {
            conditions.add(AUDIT_EVENT.ACTION.startsWith(filter.action().trim()));
        }
        if (StringUtils.hasText(filter.targetType())) {
            conditions.add(AUDIT_EVENT.TARGET_TYPE.eq(filter.targetType().trim()));
        }
        if (StringUtils.hasText(filter.targetId())) {
            conditions.add(AUDIT_EVENT.TARGET_ID.eq(filter.targetId().trim()));
        }
        return conditions.isEmpty() ? List.of(DSL.trueCondition()) : conditions;
    }
}

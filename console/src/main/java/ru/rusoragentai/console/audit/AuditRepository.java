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

@Repository
class AuditRepository {

    record ChainHead(int chainNo, long lastSeq, long lastEventId, String lastHash) {
    }

    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    ChainHead lockHead(int chainNo) {
        return dsl.select(AUDIT_CHAIN_HEAD.ID.coerce(Integer.class), AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_EVENT_ID, AUDIT_CHAIN_HEAD.LAST_HASH)
                .from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.eq((byte) chainNo))
                .forUpdate()
                .fetchSingle(Records.mapping(ChainHead::new));
    }

    /** Locks several chain heads in one statement, in chain order (every batch writer takes them in that order). */
    java.util.Map<Integer, ChainHead> lockHeads(java.util.Collection<Integer> chainNos) {
        java.util.Map<Integer, ChainHead> heads = new java.util.TreeMap<>();
        dsl.select(AUDIT_CHAIN_HEAD.ID.coerce(Integer.class), AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_EVENT_ID, AUDIT_CHAIN_HEAD.LAST_HASH)
                .from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.in(chainNos.stream().map(Integer::byteValue).toList()))
                .orderBy(AUDIT_CHAIN_HEAD.ID)
                .forUpdate()
                .fetch(Records.mapping(ChainHead::new))
                .forEach(head -> heads.put(head.chainNo(), head));
        return heads;
    }

    /** Inserts events (hashes already chained) in one statement and moves their chains' heads; returns the ids in order. */
    List<Long> appendAll(List<StoredEvent> rows) {
        var insert = dsl.insertInto(AUDIT_EVENT, AUDIT_EVENT.CHAIN_NO, AUDIT_EVENT.SEQ, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR,
                AUDIT_EVENT.ACTION, AUDIT_EVENT.TARGET_TYPE, AUDIT_EVENT.TARGET_ID, AUDIT_EVENT.DETAILS, AUDIT_EVENT.PREV_HASH,
                AUDIT_EVENT.HASH);
        for (StoredEvent row : rows) {
            insert = insert.values((byte) row.chainNo(), row.seq(), row.occurredAt(), row.actor(), row.action(), row.targetType(),
                    row.targetId(), row.details(), row.prevHash(), row.hash());
        }
        List<Long> ids = insert.returningResult(AUDIT_EVENT.ID).fetch(r -> r.value1());
        java.util.Map<Integer, Integer> lastOfChain = new java.util.TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            lastOfChain.put(rows.get(i).chainNo(), i);
        }
        var heads = dsl.insertInto(AUDIT_CHAIN_HEAD, AUDIT_CHAIN_HEAD.ID, AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_EVENT_ID,
                AUDIT_CHAIN_HEAD.LAST_HASH);
        for (int i : lastOfChain.values()) {
            StoredEvent last = rows.get(i);
            heads = heads.values((byte) last.chainNo(), last.seq(), ids.get(i), last.hash());
        }
        heads.onDuplicateKeyUpdate()
                .set(AUDIT_CHAIN_HEAD.LAST_SEQ, DSL.excluded(AUDIT_CHAIN_HEAD.LAST_SEQ))
                .set(AUDIT_CHAIN_HEAD.LAST_EVENT_ID, DSL.excluded(AUDIT_CHAIN_HEAD.LAST_EVENT_ID))
                .set(AUDIT_CHAIN_HEAD.LAST_HASH, DSL.excluded(AUDIT_CHAIN_HEAD.LAST_HASH))
                .execute();
        return ids;
    }

    List<ChainHead> heads() {
        return dsl.select(AUDIT_CHAIN_HEAD.ID.coerce(Integer.class), AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_EVENT_ID, AUDIT_CHAIN_HEAD.LAST_HASH)
                .from(AUDIT_CHAIN_HEAD).orderBy(AUDIT_CHAIN_HEAD.ID)
                .fetch(Records.mapping(ChainHead::new));
    }

    long append(StoredEvent row) {
        long id = dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.CHAIN_NO, (byte) row.chainNo())
                .set(AUDIT_EVENT.SEQ, row.seq())
                .set(AUDIT_EVENT.OCCURRED_AT, row.occurredAt())
                .set(AUDIT_EVENT.ACTOR, row.actor())
                .set(AUDIT_EVENT.ACTION, row.action())
                .set(AUDIT_EVENT.TARGET_TYPE, row.targetType())
                .set(AUDIT_EVENT.TARGET_ID, row.targetId())
                .set(AUDIT_EVENT.DETAILS, row.details())
                .set(AUDIT_EVENT.PREV_HASH, row.prevHash())
                .set(AUDIT_EVENT.HASH, row.hash())
                .returningResult(AUDIT_EVENT.ID)
                .fetchSingle().value1();
        dsl.update(AUDIT_CHAIN_HEAD)
                .set(AUDIT_CHAIN_HEAD.LAST_SEQ, row.seq())
                .set(AUDIT_CHAIN_HEAD.LAST_EVENT_ID, id)
                .set(AUDIT_CHAIN_HEAD.LAST_HASH, row.hash())
                .where(AUDIT_CHAIN_HEAD.ID.eq((byte) row.chainNo()))
                .execute();
        return id;
    }

    /** Streams every chain in order (chain by chain, by sequence) without loading it into memory. */
    void forEachInOrder(Consumer<StoredEvent> consumer) {
        try (Stream<StoredEvent> rows = dsl.select(AUDIT_EVENT.ID, AUDIT_EVENT.CHAIN_NO.coerce(Integer.class), AUDIT_EVENT.SEQ, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR, AUDIT_EVENT.ACTION,
                        AUDIT_EVENT.TARGET_TYPE, AUDIT_EVENT.TARGET_ID, AUDIT_EVENT.DETAILS, AUDIT_EVENT.PREV_HASH, AUDIT_EVENT.HASH)
                .from(AUDIT_EVENT).orderBy(AUDIT_EVENT.CHAIN_NO, AUDIT_EVENT.SEQ).fetchSize(1000).fetchStream().map(Records.mapping(StoredEvent::new))) {
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

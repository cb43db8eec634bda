package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.Nullable;
import static ru.rusoragentai.db.Tables.ABUSE_ACTION;
import static ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST;
import static ru.rusoragentai.db.Tables.APP_USER;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** Measures and the blocklist; and what a measure needs to know about its user (locks, free tokens, identifiers). */
@Repository
class ActionRepository {

    /** What a ban blocks: a kind, the value as staff read it, and the value the hash is made of. */
    record Target(String kind, @Nullable String text, String value) {
    }

    private final DSLContext dsl;

    ActionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Locks the user's row: measures on one user are decided one at a time. */
    boolean lockUser(long userId) {
        return dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.ID.eq(userId)).forUpdate().fetchOptional().isPresent();
    }

    Optional<ActionSummary> inForce(long userId, ActionKind kind) {
        return dsl.selectFrom(ABUSE_ACTION).where(ABUSE_ACTION.USER_ID.eq(userId).and(ABUSE_ACTION.KIND.eq(kind.dbValue()))
                .and(ABUSE_ACTION.STATUS.eq("applied"))).orderBy(ABUSE_ACTION.ID.desc()).limit(1).fetchOptional(ActionRepository::summary);
    }

    /** Inserts a measure; empty when its request key was used already (a double click). */
    Optional<Long> insert(String requestKey, Long userId, Long caseId, Long flagId, ActionKind kind, Long amount,
                          LocalDateTime until, String reason, String status, String actor, LocalDateTime at) {
        try {
            return Optional.of(dsl.insertInto(ABUSE_ACTION).set(ABUSE_ACTION.REQUEST_KEY, requestKey).set(ABUSE_ACTION.USER_ID, userId)
                    .set(ABUSE_ACTION.CASE_ID, caseId).set(ABUSE_ACTION.FLAG_ID, flagId).set(ABUSE_ACTION.KIND, kind.dbValue())
                    .set(ABUSE_ACTION.AMOUNT, amount).set(ABUSE_ACTION.UNTIL_AT, until).set(ABUSE_ACTION.REASON, reason)
                    .set(ABUSE_ACTION.STATUS, status).set(ABUSE_ACTION.REQUESTED_BY, actor).set(ABUSE_ACTION.REQUESTED_AT, at)
                    .returningResult(ABUSE_ACTION.ID).fetchSingle().value1());
        } catch (DuplicateKeyException | org.jooq.exception.IntegrityConstraintViolationException duplicate) {
            return Optional.empty();
        }
    }

    Optional<ActionSummary> findByKey(String requestKey) {
        return dsl.selectFrom(ABUSE_ACTION).where(ABUSE_ACTION.REQUEST_KEY.eq(requestKey)).fetchOptional(ActionRepository::summary);
    }

    Optional<ActionSummary> find(long id) {
        return dsl.selectFrom(ABUSE_ACTION).where(ABUSE_ACTION.ID.eq(id)).fetchOptional(ActionRepository::summary);
    }

    Optional<ActionSummary> lock(long id) {
        return dsl.selectFrom(ABUSE_ACTION).where(ABUSE_ACTION.ID.eq(id)).forUpdate().fetchOptional(ActionRepository::summary);
    }

    void setAmount(long id, long amount) {
        dsl.update(ABUSE_ACTION).set(ABUSE_ACTION.AMOUNT, amount).where(ABUSE_ACTION.ID.eq(id)).execute();
    }

    List<ActionSummary> ofUser(long userId) {
        return dsl.selectFrom(ABUSE_ACTION).where(ABUSE_ACTION.USER_ID.eq(userId)).orderBy(ABUSE_ACTION.ID.desc())
                .fetch(ActionRepository::summary);
    }

    List<ActionSummary> ofCase(long caseId) {
        return dsl.selectFrom(ABUSE_ACTION).where(ABUSE_ACTION.CASE_ID.eq(caseId)).orderBy(ABUSE_ACTION.ID.desc())
                .fetch(ActionRepository::summary);
    }

    void decide(long id, String status, String actor, LocalDateTime at) {
        dsl.update(ABUSE_ACTION).set(ABUSE_ACTION.STATUS, status).set(ABUSE_ACTION.DECIDED_BY, actor).set(ABUSE_ACTION.DECIDED_AT, at)
                .where(ABUSE_ACTION.ID.eq(id)).execute();
    }

    void revert(long id, String actor, LocalDateTime at) {
        dsl.update(ABUSE_ACTION).set(ABUSE_ACTION.STATUS, "reverted").set(ABUSE_ACTION.REVERTED_BY, actor)
                .set(ABUSE_ACTION.REVERTED_AT, at).where(ABUSE_ACTION.ID.eq(id)).execute();
    }

    /** Free tokens still in the balance: the balance, but no more than the bonus and adjustment credits ever granted. */
    long unspentFreeTokens(long userId) {
        var r = dsl.resultQuery("""
                SELECT COALESCE((SELECT balance FROM token_balance WHERE user_id = {0}), 0),
                       COALESCE((SELECT SUM(delta) FROM token_ledger WHERE user_id = {0} AND kind IN ('bonus', 'adjustment') AND delta > 0), 0)
                """, org.jooq.impl.DSL.val(userId)).fetchSingle();
        return Math.max(0, Math.min(r.get(0, Long.class), r.get(1, Long.class)));
    }

    /** The user's Telegram id, and the networks and devices of their sessions in the last {@code since}. */
    List<Target> banTargets(long userId, LocalDateTime since) {
        List<Target> targets = new java.util.ArrayList<>();
        dsl.select(APP_USER.TELEGRAM_USER_ID).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional()
                .ifPresent(r -> targets.add(new Target("telegram", r.value1().toString(), r.value1().toString())));
        dsl.resultQuery("""
                SELECT DISTINCT HEX(net), net, HEX(device_fp), CONCAT_WS(' / ', device_type, browser, os) FROM user_session
                WHERE user_id = {0} AND started_at >= {1}""", org.jooq.impl.DSL.val(userId), org.jooq.impl.DSL.val(since))
                .forEach(r -> {
                    byte[] net = r.get(1, byte[].class);
                    String network = net == null ? null : ru.rusoragentai.console.abuse.detect.Addresses.network(net);
                    if (network != null && targets.stream().noneMatch(t -> t.value().equals(r.get(0, String.class)))) {
                        targets.add(new Target("network", network, r.get(0, String.class)));
                    }
                    String fp = r.get(2, String.class);
                    if (fp != null && targets.stream().noneMatch(t -> t.value().equals(fp))) {
                        targets.add(new Target("device", r.get(3, String.class), fp));
                    }
                });
        return targets;
    }

    void block(Target target, byte[] hash, Long userId, long actionId, String actor, LocalDateTime at, LocalDateTime expires) {
        dsl.insertInto(ABUSE_BLOCKLIST).set(ABUSE_BLOCKLIST.KIND, target.kind()).set(ABUSE_BLOCKLIST.VALUE_HASH, hash)
                .set(ABUSE_BLOCKLIST.VALUE_TEXT, target.text()).set(ABUSE_BLOCKLIST.USER_ID, userId)
                .set(ABUSE_BLOCKLIST.ACTION_ID, actionId).set(ABUSE_BLOCKLIST.CREATED_BY, actor).set(ABUSE_BLOCKLIST.CREATED_AT, at)
                .set(ABUSE_BLOCKLIST.EXPIRES_AT, expires).execute();
    }

    int unblock(long actionId, LocalDateTime at) {
        return dsl.update(ABUSE_BLOCKLIST).set(ABUSE_BLOCKLIST.REMOVED_AT, at)
                .where(ABUSE_BLOCKLIST.ACTION_ID.eq(actionId).and(ABUSE_BLOCKLIST.REMOVED_AT.isNull())).execute();
    }

    List<BlockEntry> blocksOf(long userId) {
        return dsl.selectFrom(ABUSE_BLOCKLIST).where(ABUSE_BLOCKLIST.USER_ID.eq(userId)).orderBy(ABUSE_BLOCKLIST.ID)
                .fetch(r -> new BlockEntry(r.getId(), r.getKind(), r.getValueText(), r.getCreatedAt(), r.getExpiresAt(), r.getRemovedAt()));
    }

    private static ActionSummary summary(Record r) {
        return new ActionSummary(r.get(ABUSE_ACTION.ID), r.get(ABUSE_ACTION.USER_ID), r.get(ABUSE_ACTION.CASE_ID), r.get(ABUSE_ACTION.FLAG_ID),
                ActionKind.fromDb(r.get(ABUSE_ACTION.KIND)), r.get(ABUSE_ACTION.AMOUNT), r.get(ABUSE_ACTION.UNTIL_AT),
                r.get(ABUSE_ACTION.REASON), r.get(ABUSE_ACTION.STATUS), r.get(ABUSE_ACTION.REQUESTED_BY), r.get(ABUSE_ACTION.REQUESTED_AT),
                r.get(ABUSE_ACTION.DECIDED_BY), r.get(ABUSE_ACTION.DECIDED_AT), r.get(ABUSE_ACTION.REVERTED_BY), r.get(ABUSE_ACTION.REVERTED_AT));
    }
}

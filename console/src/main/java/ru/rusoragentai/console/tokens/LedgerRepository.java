package ru.rusoragentai.console.tokens;

import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class LedgerRepository {

    private final DSLContext dsl;
    private final DataSource dataSource;

    LedgerRepository(DSLContext dsl, DataSource dataSource) {
        this.dsl = dsl;
        this.dataSource = dataSource;
    }

    Optional<LedgerEntry> findByIdempotencyKey(String key) {
        return dsl.selectFrom(TOKEN_LEDGER).where(TOKEN_LEDGER.IDEMPOTENCY_KEY.eq(key)).fetchOptional(LedgerRepository::entry);
    }

    /**
     * Serialises balance writers per user by locking the user's row, then makes sure a balance row
     * exists and returns the balance. Every writer takes the same locks in the same order (user,
     * then balance), so writers never deadlock each other. Empty when the user does not exist.
     */
    Optional<Long> lockBalance(long userId, LocalDateTime now) {
        if (!lockUser(userId)) {
            return Optional.empty();
        }
        // the user lock serialises every writer of this balance, so a plain read is current and an insert safe
        Long balance = dsl.select(TOKEN_BALANCE.BALANCE).from(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.eq(userId))
                .fetchOne(TOKEN_BALANCE.BALANCE);
        if (balance != null) {
            return Optional.of(balance);
        }
        dsl.insertInto(TOKEN_BALANCE)
                .set(TOKEN_BALANCE.USER_ID, userId)
                .set(TOKEN_BALANCE.BALANCE, 0L)
                .set(TOKEN_BALANCE.UPDATED_AT, now)
                .execute();
        return Optional.of(0L);
    }

    /**
     * The per-user lock every balance writer takes first; false when the user does not exist. Within one
     * transaction a user is locked once: later calls return at once.
     */
    boolean lockUser(long userId) {
        Set<Long> locked = lockedInThisTransaction();
        if (locked.contains(userId)) {
            return true;
        }
        boolean found = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.ID.eq(userId)).forUpdate().fetchOptional().isPresent();
        if (found) {
            locked.add(userId);
        }
        return found;
    }

    /**
     * Batch form of {@link #lockBalance}: locks the users in id order with one statement, creates missing balance
     * rows with another, and returns each existing user's balance (users that do not exist are absent).
     */
    java.util.Map<Long, Long> lockBalances(java.util.SortedSet<Long> userIds, LocalDateTime now) {
        Set<Long> locked = lockedInThisTransaction();
        List<Long> found = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.ID.in(userIds)).orderBy(APP_USER.ID).forUpdate()
                .fetch(APP_USER.ID);
        locked.addAll(found);
        java.util.Map<Long, Long> balances = new java.util.HashMap<>();
        if (found.isEmpty()) {
            return balances;
        }
        dsl.select(TOKEN_BALANCE.USER_ID, TOKEN_BALANCE.BALANCE).from(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.in(found))
                .fetch().forEach(r -> balances.put(r.value1(), r.value2()));
        List<Long> missing = found.stream().filter(id -> !balances.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            var insert = dsl.insertInto(TOKEN_BALANCE, TOKEN_BALANCE.USER_ID, TOKEN_BALANCE.BALANCE, TOKEN_BALANCE.UPDATED_AT);
            for (long id : missing) {
                insert = insert.values(id, 0L, now);
                balances.put(id, 0L);
            }
            insert.execute();
        }
        return balances;
    }

    /** One ledger row of a batch, with the balance after it. */
    record NewEntry(LedgerRequest request, long balanceAfter, String actor) {
    }

    /** Inserts ledger rows in one statement; returns their ids in order. */
    List<Long> insertAll(List<NewEntry> entries, LocalDateTime now) {
        var insert = dsl.insertInto(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID, TOKEN_LEDGER.DELTA, TOKEN_LEDGER.BALANCE_AFTER, TOKEN_LEDGER.KIND,
                TOKEN_LEDGER.REFERENCE, TOKEN_LEDGER.ACTOR, TOKEN_LEDGER.REASON, TOKEN_LEDGER.IDEMPOTENCY_KEY, TOKEN_LEDGER.CREATED_AT);
        for (NewEntry e : entries) {
            LedgerRequest r = e.request();
            insert = insert.values(r.userId(), r.delta(), e.balanceAfter(), r.kind().dbValue(), r.reference(), e.actor(), r.reason(),
                    r.idempotencyKey(), now);
        }
        return insert.returningResult(TOKEN_LEDGER.ID).fetch(r -> r.value1());
    }

    /** Sets several balances in one statement (the rows exist and are locked: see {@link #lockBalances}). */
    void setBalances(java.util.Map<Long, Long> balances, LocalDateTime now) {
        var insert = dsl.insertInto(TOKEN_BALANCE, TOKEN_BALANCE.USER_ID, TOKEN_BALANCE.BALANCE, TOKEN_BALANCE.UPDATED_AT);
        for (var e : new java.util.TreeMap<>(balances).entrySet()) {
            insert = insert.values(e.getKey(), e.getValue(), now);
        }
        insert.onDuplicateKeyUpdate()
                .set(TOKEN_BALANCE.BALANCE, DSL.excluded(TOKEN_BALANCE.BALANCE))
                .set(TOKEN_BALANCE.UPDATED_AT, DSL.excluded(TOKEN_BALANCE.UPDATED_AT))
                .execute();
    }

    /** Finds the (not deleted) user with a Telegram id and takes their balance lock, in one statement. */
    Optional<Long> lockUserByTelegramId(long telegramUserId) {
        Optional<Long> user = dsl.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.TELEGRAM_USER_ID.eq(telegramUserId), APP_USER.STATUS.ne("deleted"))
                .orderBy(APP_USER.ID).limit(1).forUpdate().fetchOptional(APP_USER.ID);
        user.ifPresent(lockedInThisTransaction()::add);
        return user;
    }

    /**
     * The users whose row lock the current physical transaction holds. Keyed by the transaction's connection
     * holder, so a nested REQUIRES_NEW transaction starts with none; empty and unremembered outside a transaction.
     */
    @SuppressWarnings("unchecked")
    private Set<Long> lockedInThisTransaction() {
        Object holder = TransactionSynchronizationManager.getResource(dataSource);
        if (holder == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashSet<>();
        }
        Set<Long> locked = (Set<Long>) TransactionSynchronizationManager.getResource(holder);
        if (locked == null) {
            Set<Long> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(holder, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(holder);
                }
            });
            locked = fresh;
        }
        return locked;
    }

    long insert(LedgerRequest request, long balanceAfter, String actor, LocalDateTime now) {
        return dsl.insertInto(TOKEN_LEDGER)
                .set(TOKEN_LEDGER.USER_ID, request.userId())
                .set(TOKEN_LEDGER.DELTA, request.delta())
                .set(TOKEN_LEDGER.BALANCE_AFTER, balanceAfter)
                .set(TOKEN_LEDGER.KIND, request.kind().dbValue())
                .set(TOKEN_LEDGER.REFERENCE, request.reference())
                .set(TOKEN_LEDGER.ACTOR, actor)
                .set(TOKEN_LEDGER.REASON, request.reason())
                .set(TOKEN_LEDGER.IDEMPOTENCY_KEY, request.idempotencyKey())
                .set(TOKEN_LEDGER.CREATED_AT, now)
                .returningResult(TOKEN_LEDGER.ID)
                .fetchSingle().value1();
    }

    void setBalance(long userId, long balance, LocalDateTime now) {
        dsl.update(TOKEN_BALANCE)
                .set(TOKEN_BALANCE.BALANCE, balance)
                .set(TOKEN_BALANCE.UPDATED_AT, now)
                .where(TOKEN_BALANCE.USER_ID.eq(userId))
                .execute();
    }

    long balance(long userId) {
        return dsl.select(TOKEN_BALANCE.BALANCE).from(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.eq(userId))
                .fetchOptional(r -> r.value1()).orElse(0L);
    }

    /** Users whose balance row disagrees with their ledger, including ledger rows without a balance row. */
    List<BalanceDiscrepancy> discrepancies() {
        Field<Long> userId = TOKEN_LEDGER.USER_ID.as("user_id");
        Field<Long> total = DSL.sum(TOKEN_LEDGER.DELTA).cast(SQLDataType.BIGINT).as("total");
        var sums = dsl.select(userId, total).from(TOKEN_LEDGER).groupBy(TOKEN_LEDGER.USER_ID).asTable("sums");
        Field<Long> sumsUser = sums.field("user_id", Long.class);
        Field<Long> sumsTotal = sums.field("total", Long.class);
        Field<Long> balance = DSL.coalesce(TOKEN_BALANCE.BALANCE, 0L);
        Field<Long> ledgerSum = DSL.coalesce(sumsTotal, 0L);
        var fromBalances = dsl.select(TOKEN_BALANCE.USER_ID, balance, ledgerSum)
                .from(TOKEN_BALANCE).leftJoin(sums).on(sumsUser.eq(TOKEN_BALANCE.USER_ID))
                .where(balance.ne(ledgerSum));
        var fromLedgers = dsl.select(sumsUser, DSL.inline(0L), sumsTotal)
                .from(sums).leftJoin(TOKEN_BALANCE).on(TOKEN_BALANCE.USER_ID.eq(sumsUser))
                .where(TOKEN_BALANCE.USER_ID.isNull()).and(sumsTotal.ne(0L));
        return fromBalances.unionAll(fromLedgers)
                .fetch(r -> new BalanceDiscrepancy(r.value1(), r.value2(), r.value3()));
    }

    /** In the order rows were written, which is time order (the (user_id, id) index gives either direction). */
    List<LedgerEntry> history(long userId, LedgerKind kind, boolean newestFirst, int offset, int limit) {
        return dsl.selectFrom(TOKEN_LEDGER).where(historyCondition(userId, kind))
                .orderBy(newestFirst ? TOKEN_LEDGER.ID.desc() : TOKEN_LEDGER.ID.asc()).limit(limit).offset(offset)
                .fetch(LedgerRepository::entry);
    }

    int historyCount(long userId, LedgerKind kind) {
        return dsl.fetchCount(TOKEN_LEDGER, historyCondition(userId, kind));
    }

    private static org.jooq.Condition historyCondition(long userId, LedgerKind kind) {
        var condition = TOKEN_LEDGER.USER_ID.eq(userId);
        return kind == null ? condition : condition.and(TOKEN_LEDGER.KIND.eq(kind.dbValue()));
    }

    private static LedgerEntry entry(Record r) {
        return new LedgerEntry(r.get(TOKEN_LEDGER.ID), r.get(TOKEN_LEDGER.USER_ID), r.get(TOKEN_LEDGER.DELTA),
                r.get(TOKEN_LEDGER.BALANCE_AFTER), LedgerKind.fromDb(r.get(TOKEN_LEDGER.KIND)), r.get(TOKEN_LEDGER.REFERENCE),
                r.get(TOKEN_LEDGER.ACTOR), r.get(TOKEN_LEDGER.REASON), r.get(TOKEN_LEDGER.IDEMPOTENCY_KEY),
                r.get(TOKEN_LEDGER.CREATED_AT), false);
    }
}

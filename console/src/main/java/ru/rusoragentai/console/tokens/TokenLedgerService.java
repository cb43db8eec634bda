package ru.rusoragentai.console.tokens;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.security.Unguarded;

/**
 * The only way a token balance changes. Each change appends a ledger row and updates the balance in
 * one transaction, serialised per user by a row lock on the user, so that balance equals the sum
 * of the ledger under any concurrency.
 *
 * <p>{@link #apply} is the internal core for other services (payments, adjustments, erasure); those
 * services own the permission check for their feature, so this method has none of its own.
 */
@Service
@Transactional(readOnly = true)
public class TokenLedgerService {

    private final LedgerRepository repository;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    TokenLedgerService(LedgerRepository repository, CurrentStaff currentStaff, Clock clock) {
        this.repository = repository;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    /**
     * Applies the change once. A request whose idempotency key was already used returns the original
     * entry (marked {@code replayed}) and changes nothing.
     *
     * @throws InsufficientBalanceException when a debit would go below zero and that is not allowed
     */
    // READ COMMITTED: after waiting for the balance lock, the idempotency re-check must see what the
    // previous holder committed, which a REPEATABLE READ snapshot might not.
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @Unguarded("the ledger's primitive, called inside the role-checked adjustment, intake and abuse services and their transactions")
    public LedgerEntry apply(LedgerRequest request) {
        LocalDateTime now = LocalDateTime.now(clock);
        long balance = repository.lockBalance(request.userId(), now)
                .orElseThrow(() -> new IllegalArgumentException("No user " + request.userId()));
        long after = Math.addExact(balance, request.delta());
        if (after < 0 && request.delta() < 0 && !request.allowNegative()) {
            var existing = repository.findByIdempotencyKey(request.idempotencyKey());
            if (existing.isPresent()) {
                return existing.get().asReplay();
            }
            throw new InsufficientBalanceException(request.userId(), balance, request.delta());
        }
        String actor = currentStaff.actor();
        long id;
        try {
            id = repository.insert(request, after, actor, now);
        } catch (DuplicateKeyException used) {
            // the unique key is the idempotency check (a failed INSERT leaves the transaction usable in MariaDB):
            // a replay, or the same key used concurrently for another user; either way the first entry wins
            return repository.findByIdempotencyKey(request.idempotencyKey()).orElseThrow(() -> used).asReplay();
        }
        repository.setBalance(request.userId(), after, now);
        return new LedgerEntry(id, request.userId(), request.delta(), after, request.kind(), request.reference(), actor,
                request.reason(), request.idempotencyKey(), now, false);
    }

    /**
     * Batch form of {@link #lockAccount}: takes the balance locks of several users (in id order) for the rest of the
     * caller's transaction and returns their balances; users that do not exist are absent.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    @Unguarded("the ledger's primitive, called inside the role-checked adjustment, intake and abuse services and their transactions")
    public LockedAccounts lockAccounts(java.util.SortedSet<Long> userIds) {
        return new LockedAccounts(repository.lockBalances(userIds, LocalDateTime.now(clock)));
    }

    /**
     * Balance locks taken by {@link #lockAccounts} in the current transaction, with the balances as they were then;
     * {@link #applyAll} works from them instead of reading again. Valid only in that transaction.
     */
    public static final class LockedAccounts {
        private final java.util.Map<Long, Long> balances;

        private LockedAccounts(java.util.Map<Long, Long> balances) {
            this.balances = balances;
        }

        /** The user's balance when locked; null when there is no such user. */
        public Long balance(long userId) {
            return balances.get(userId);
        }
    }

    /**
     * Applies several changes in the caller's transaction with a few statements whatever their number, each made by
     * its own actor, in list order (a user's later change sees the earlier one), on accounts this transaction locked
     * with {@link #lockAccounts} (and changed only through this method since). All or nothing: a change that would
     * take a balance below zero without {@code allowNegative}, or a user not locked, throws and nothing is applied.
     * Idempotency keys must be new (a batch is never a replay).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    @Unguarded("the ledger's primitive, called inside the role-checked adjustment, intake and abuse services and their transactions")
    public List<LedgerEntry> applyAll(LockedAccounts locked, List<LedgerRequest> requests, List<String> actors) {
        LocalDateTime now = LocalDateTime.now(clock);
        java.util.SortedSet<Long> users = new java.util.TreeSet<>();
        requests.forEach(r -> users.add(r.userId()));
        java.util.Map<Long, Long> balances = new java.util.HashMap<>(locked.balances);
        List<LedgerRepository.NewEntry> rows = new java.util.ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            LedgerRequest request = requests.get(i);
            Long balance = balances.get(request.userId());
            if (balance == null) {
                throw new IllegalArgumentException("No user " + request.userId() + " among the locked accounts");
            }
            long after = Math.addExact(balance, request.delta());
            if (after < 0 && request.delta() < 0 && !request.allowNegative()) {
                throw new InsufficientBalanceException(request.userId(), balance, request.delta());
            }
            balances.put(request.userId(), after);
            rows.add(new LedgerRepository.NewEntry(request, after, actors.get(i)));
        }
        List<Long> ids = repository.insertAll(rows, now);
        java.util.Map<Long, Long> changed = new java.util.HashMap<>();
        users.forEach(u -> changed.put(u, balances.get(u)));
        repository.setBalances(changed, now);
        changed.forEach(locked.balances::put);
        List<LedgerEntry> entries = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LedgerRequest r = rows.get(i).request();
            entries.add(new LedgerEntry(ids.get(i), r.userId(), r.delta(), rows.get(i).balanceAfter(), r.kind(), r.reference(),
                    actors.get(i), r.reason(), r.idempotencyKey(), now, false));
        }
        return entries;
    }

    /**
     * Takes the user's balance lock for the rest of the caller's transaction. Callers that write rows
     * referencing the user before calling {@link #apply} (whose foreign-key checks take a shared lock
     * on the user) take this first, so the later exclusive lock is not an upgrade two writers deadlock on.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    @Unguarded("the ledger's primitive, called inside the role-checked adjustment, intake and abuse services and their transactions")
    public void lockAccount(long userId) {
        if (!repository.lockUser(userId)) {
            throw new IllegalArgumentException("No user " + userId);
        }
    }

    /**
     * Finds the user with a Telegram id (deleted users excepted) and takes their balance lock for the rest of the
     * caller's transaction, as {@link #lockAccount} does. Empty when there is no such user.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    @Unguarded("the ledger's primitive, called inside the role-checked adjustment, intake and abuse services and their transactions")
    public java.util.Optional<Long> lockAccountOfTelegramUser(long telegramUserId) {
        return repository.lockUserByTelegramId(telegramUserId);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public long balance(long userId) {
        return repository.balance(userId);
    }

    /** A user's ledger, newest first, optionally only one kind. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<LedgerEntry> history(long userId, LedgerKind kind, boolean newestFirst, int offset, int limit) {
        return repository.history(userId, kind, newestFirst, offset, limit);
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public int historyCount(long userId, LedgerKind kind) {
        return repository.historyCount(userId, kind);
    }

    /** Every user whose balance differs from the sum of their ledger; empty when the books balance. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<BalanceDiscrepancy> findDiscrepancies() {
        return repository.discrepancies();
    }
}

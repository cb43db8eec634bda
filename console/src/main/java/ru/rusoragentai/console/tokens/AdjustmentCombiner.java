package ru.rusoragentai.console.tokens;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.audit.AuditService;

/**
 * Group commit for small adjustments: requests that arrive while another transaction is running are applied together
 * in the next one, with multi-row statements (adjustments, ledger entries, balances, audit events), so a busy support
 * desk costs a few statements and one commit per batch instead of a dozen per adjustment. Each request still succeeds
 * or fails on its own: one that would overdraw a balance, or names no user, fails alone. The caller waits for its own
 * result; whoever finds no batch running takes the queue and runs it (leader/follower, no thread of its own).
 */
@Component
class AdjustmentCombiner {

    private static final Logger log = LoggerFactory.getLogger(AdjustmentCombiner.class);
    private static final int MAX_BATCH = 64;
    private static final int DEADLOCK_RETRIES = 3;
    private static final int MAX_BATCHES_PER_LEADER = 8;
    private static final int GATHER_BELOW = 14;
    private static final long GATHER_PAUSE_NANOS = 400_000;

    /** A validated request, with who made it. */
    record Request(long userId, long delta, @Nullable ReasonCode reason, @Nullable String comment, String ticket, boolean allowNegative, String requester) {
    }

    private record Pending(Request request, @Nullable CompletableFuture<Adjustment> result) {
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    /**
     * One batch at a time: while it runs, the next one gathers (two at once would mostly wait for each other's audit
     * chain heads and split the queue into smaller batches).
     */
    private final Semaphore leaders = new Semaphore(1);
    private final AdjustmentRepository repository;
    private final TokenLedgerService ledger;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AdjustmentCombiner(AdjustmentRepository repository, TokenLedgerService ledger, AuditService audit,
                       PlatformTransactionManager transactionManager, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /** Applies the request (with others that are waiting) and returns its adjustment, or throws its own failure. */
    Adjustment apply(Request request) {
        Pending mine = new Pending(request, new CompletableFuture<>());
        queue.add(mine);
        while (!mine.result().isDone()) {
            if (leaders.tryAcquire()) {
                try {
                    // keep leading while requests wait (a few batches at most), so none sits idle for a poll interval
                    for (int batches = 0; batches < MAX_BATCHES_PER_LEADER && !queue.isEmpty(); batches++) {
                        List<Pending> batch = gather();
                        try {
                            run(batch);
                        } catch (Throwable unexpected) {
                            // nobody may wait forever for a batch that died with its leader
                            batch.forEach(p -> p.result().completeExceptionally(unexpected));
                            throw unexpected;
                        }
                    }
                } finally {
                    leaders.release();
                }
            } else {
                try {
                    mine.result().get(1, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // done or still queued: the loop checks
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the adjustment", e);
                }
            }
        }
        try {
            return mine.result().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * The waiting requests; when they are few, after a pause as short as one statement's round trip, because callers
     * whose previous batch just finished are about to queue their next request.
     */
    private List<Pending> gather() {
        List<Pending> batch = new ArrayList<>();
        drainInto(batch);
        if (batch.size() < GATHER_BELOW) {
            java.util.concurrent.locks.LockSupport.parkNanos(GATHER_PAUSE_NANOS);
            drainInto(batch);
        }
        return batch;
    }

    private void drainInto(List<Pending> batch) {
        for (Pending next = batch.size() < MAX_BATCH ? queue.poll() : null; next != null;
                next = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(next);
        }
    }

    private void run(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        RuntimeException failure;
        for (int attempt = 1; ; attempt++) {
            try {
                List<Outcome> outcomes = transactions.execute(status -> applyTogether(batch));
                for (int i = 0; i < batch.size(); i++) {
                    Outcome outcome = outcomes.get(i);
                    if (outcome.failure() != null) {
                        batch.get(i).result().completeExceptionally(outcome.failure());
                    } else {
                        batch.get(i).result().complete(outcome.adjustment());
                    }
                }
                return;
            } catch (PessimisticLockingFailureException deadlock) {
                failure = deadlock;
                if (attempt < DEADLOCK_RETRIES) {
                    continue;
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            break;
        }
        if (batch.size() == 1) {
            batch.getFirst().result().completeExceptionally(failure);
            return;
        }
        log.warn("Adjustment batch of {} failed ({}); applying one by one", batch.size(), failure.toString());
        for (Pending single : batch) {
            run(List.of(single));
        }
    }

    private record Outcome(Adjustment adjustment, @Nullable RuntimeException failure) {
    }

    /** One transaction: lock the users, decide each request on the running balances, write everything in bulk. */
    private List<Outcome> applyTogether(List<Pending> batch) {
        LocalDateTime now = LocalDateTime.now(clock);
        SortedSet<Long> users = new TreeSet<>();
        batch.forEach(p -> users.add(p.request().userId()));
        TokenLedgerService.LockedAccounts locked = ledger.lockAccounts(users);
        Map<Long, Long> balances = new java.util.HashMap<>();
        users.forEach(u -> {
            if (locked.balance(u) != null) {
                balances.put(u, locked.balance(u));
            }
        });
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Request> accepted = new ArrayList<>();
        for (Pending p : batch) {
            Request r = p.request();
            Long balance = balances.get(r.userId());
            if (balance == null) {
                outcomes.add(new Outcome(null, new IllegalArgumentException("No user " + r.userId())));
                continue;
            }
            long after = balance + r.delta();
            if (after < 0 && r.delta() < 0 && !r.allowNegative()) {
                outcomes.add(new Outcome(null, new InsufficientBalanceException(r.userId(), balance, r.delta())));
                continue;
            }
            balances.put(r.userId(), after);
            accepted.add(r);
            outcomes.add(null);
        }
        if (accepted.isEmpty()) {
            return outcomes;
        }
        List<Long> ids = repository.insertAllApplied(accepted.stream().map(r -> new AdjustmentRepository.Applied(r.userId(), r.delta(),
                r.reason(), r.comment(), r.ticket(), r.allowNegative(), r.requester())).toList(), now);
        List<LedgerRequest> ledgerRequests = new ArrayList<>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            Request r = accepted.get(i);
            ledgerRequests.add(AdjustmentService.ledgerRequest(ids.get(i), r.userId(), r.delta(), r.reason(), r.comment(), r.ticket(),
                    r.allowNegative(), r.requester()));
        }
        List<LedgerEntry> entries = ledger.applyAll(locked, ledgerRequests, accepted.stream().map(Request::requester).toList());
        repository.linkLedgerEntries(ids, entries.stream().map(LedgerEntry::id).toList());
        List<AuditService.NewEvent> events = new ArrayList<>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            Request r = accepted.get(i);
            events.add(new AuditService.NewEvent(r.requester(), "tokens.adjusted", "user", Long.toString(r.userId()),
                    "adjustment " + ids.get(i) + ": " + r.delta() + " tokens, " + r.reason().dbValue() + ", balance "
                            + entries.get(i).balanceAfter()));
        }
        audit.recordAll(events);
        int next = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == null) {
                Request r = accepted.get(next);
                outcomes.set(i, new Outcome(new Adjustment(ids.get(next), r.userId(), r.delta(), r.reason(), r.comment(), r.ticket(),
                        r.allowNegative(), Adjustment.Status.APPLIED, r.requester(), now, r.requester(), now, null,
                        entries.get(next).id(), 0), null));
                next++;
            }
        }
        return outcomes;
    }
}

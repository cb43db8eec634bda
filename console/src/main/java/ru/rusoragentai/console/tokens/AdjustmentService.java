package ru.rusoragentai.console.tokens;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.security.Unguarded;
import ru.rusoragentai.console.users.UserSearchService;

/**
 * Manual credits and debits by support. Small ones apply at once; above the threshold they wait for
 * an ADMIN other than the requester. Every change goes through {@link TokenLedgerService} with the
 * adjustment's id as idempotency key, so an approval can never apply twice.
 */
@Service
@Transactional(readOnly = true)
public class AdjustmentService {

    private final UserSearchService users;
    private final AdjustmentRepository repository;
    private final TokenLedgerService ledger;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final AdjustmentProperties properties;
    private final Clock clock;
    private final AdjustmentCombiner combiner;
    private final TransactionTemplate pendingTransaction;

    AdjustmentService(AdjustmentRepository repository, TokenLedgerService ledger, AuditService audit, CurrentStaff currentStaff,
                      AdjustmentProperties properties, Clock clock, AdjustmentCombiner combiner,
                      PlatformTransactionManager transactionManager, UserSearchService users) {
        this.users = users;
        this.combiner = combiner;
        this.pendingTransaction = new TransactionTemplate(transactionManager);
        this.pendingTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.repository = repository;
        this.ledger = ledger;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.properties = properties;
        this.clock = clock;
    }

    /** The display names of the users these adjustments are for, so lists name people rather than numbers. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public java.util.Map<Long, String> userNames(java.util.Collection<Adjustment> adjustments) {
        return users.displayNames(adjustments.stream().map(Adjustment::userId).toList());
    }

    @Unguarded("a configured number the adjust dialog explains; reveals nothing about any user")
    public long approvalThreshold() {
        return properties.approvalThreshold();
    }

    /**
     * Requests a balance change. Returns the adjustment: APPLIED when it was at or under the
     * threshold (applied in its own transaction, possibly together with other staff members' small adjustments:
     * see {@link AdjustmentCombiner}), PENDING otherwise. Runs outside any caller transaction.
     *
     * @throws AdjustmentException          on invalid input or a negative balance not allowed by an ADMIN
     * @throws InsufficientBalanceException when a debit would go below zero
     */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.ADMIN})
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Adjustment request(long userId, long delta, ReasonCode reason, String comment, String ticket, boolean allowNegative) {
        if (delta == 0) {
            throw new AdjustmentException("adjust.error.zero");
        }
        if (reason == null) {
            throw new AdjustmentException("adjust.error.reason");
        }
        if (comment == null || comment.isBlank()) {
            throw new AdjustmentException("adjust.error.comment");
        }
        if (allowNegative && !currentStaff.hasRole(Role.ADMIN)) {
            throw new AdjustmentException("adjust.error.negative-needs-admin");
        }
        String requester = currentStaff.actor();
        if (Math.abs(delta) <= properties.approvalThreshold()) {
            // applied at once, together with whatever other small adjustments are being requested right now
            return combiner.apply(new AdjustmentCombiner.Request(userId, delta, reason, comment.strip(), blankToNull(ticket),
                    allowNegative, requester));
        }
        return pendingTransaction.execute(status -> {
            LocalDateTime now = LocalDateTime.now(clock);
            ledger.lockAccount(userId);
            // a debit the balance cannot cover is refused now, not after an administrator has looked at it
            long balance = ledger.balance(userId);
            if (delta < 0 && !allowNegative && balance + delta < 0) {
                throw new InsufficientBalanceException(userId, balance, delta);
            }
            long id = repository.insert(userId, delta, reason, comment.strip(), blankToNull(ticket), allowNegative, requester, now);
            audit.record("tokens.adjustment_requested", "user", Long.toString(userId),
                    "adjustment " + id + ": " + delta + " tokens, " + reason.dbValue() + " — awaiting approval");
            return repository.find(id).orElseThrow();
        });
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Adjustment approve(long adjustmentId, String note) {
        Adjustment pending = lockPending(adjustmentId);
        String approver = currentStaff.actor();
        if (pending.requestedBy().equals(approver)) {
            throw new AdjustmentException("adjust.error.self-approval");
        }
        LedgerEntry entry = ledger.apply(ledgerRequest(pending.id(), pending.userId(), pending.delta(), pending.reason(),
                pending.comment(), pending.ticket(), pending.allowNegative(), pending.requestedBy()));
        repository.decide(adjustmentId, "applied", approver, blankToNull(note), entry.id(), LocalDateTime.now(clock));
        audit.record("tokens.adjustment_approved", "user", Long.toString(pending.userId()),
                "adjustment " + adjustmentId + " by " + pending.requestedBy() + ": " + pending.delta() + " tokens, balance " + entry.balanceAfter());
        return repository.find(adjustmentId).orElseThrow();
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public Adjustment reject(long adjustmentId, String note) {
        Adjustment pending = lockPending(adjustmentId);
        if (note == null || note.isBlank()) {
            throw new AdjustmentException("adjust.error.rejection-note");
        }
        repository.decide(adjustmentId, "rejected", currentStaff.actor(), note.strip(), null, LocalDateTime.now(clock));
        audit.recordPersonal("tokens.adjustment_rejected", "user", Long.toString(pending.userId()),
                "adjustment " + adjustmentId + " by " + pending.requestedBy(), pending.userId(), "note: " + note.strip());
        return repository.find(adjustmentId).orElseThrow();
    }

    @RolesAllowed(Role.Names.ADMIN)
    public List<Adjustment> pending(int offset, int limit) {
        return repository.pending(offset, limit);
    }

    @RolesAllowed(Role.Names.ADMIN)
    public int pendingCount() {
        return repository.pendingCount();
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<Adjustment> forUser(long userId) {
        return repository.forUser(userId);
    }

    private Adjustment lockPending(long adjustmentId) {
        Adjustment adjustment = repository.lock(adjustmentId).orElseThrow(() -> new AdjustmentException("adjust.error.not-found"));
        if (adjustment.status() != Adjustment.Status.PENDING) {
            throw new AdjustmentException("adjust.error.already-decided");
        }
        return adjustment;
    }

    static LedgerRequest ledgerRequest(long id, long userId, long delta, ReasonCode reason, String comment, String ticket,
                                               boolean allowNegative, String requester) {
        String reasonText = reason.dbValue() + ": " + comment.strip() + (ticket == null || ticket.isBlank() ? "" : " [" + ticket.strip() + "]")
                + " (requested by " + requester + ")";
        return new LedgerRequest(userId, delta, LedgerKind.ADJUSTMENT, "adjustment:" + id,
                reasonText.length() > 512 ? reasonText.substring(0, 512) : reasonText, "adjustment:" + id, allowNegative);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

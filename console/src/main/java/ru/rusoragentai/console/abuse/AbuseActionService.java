package ru.rusoragentai.console.abuse;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/**
 * Graduated, reversible measures on one user, each with a reason and an audit event. A measure on a whole case waits
 * for an administrator other than the one who asked. One measure of a kind is in force per user at a time, decided
 * under a lock on the user, and a request key makes a repeated click the same request.
 */
@Service
@Transactional(readOnly = true)
public class AbuseActionService {

    private final ActionRepository actions;
    private final MeasureApplier measures;
    private final CaseRepository cases;
    private final AuditService audit;
    private final CurrentStaff staff;
    private final Clock clock;

    AbuseActionService(ActionRepository actions, MeasureApplier measures, CaseRepository cases, AuditService audit,
                       CurrentStaff staff, Clock clock) {
        this.actions = actions;
        this.measures = measures;
        this.cases = cases;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * Takes a measure on one user now. {@code amount} is the daily cap for {@link ActionKind#CAP}; {@code until} ends
     * a ban's blocklist entries (null: until removed). The same {@code requestKey} twice returns the first action.
     */
    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public ActionSummary act(long userId, ActionKind kind, Long amount, LocalDateTime until, String reason, Long flagId,
                             String requestKey) {
        String why = AbuseQueueService.requireReason(reason);
        validate(kind, amount, until);
        var earlier = actions.findByKey(requestKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        return measures.apply(userId, null, flagId, kind, amount, until, why, requestKey);
    }

    /** Undoes a measure in force, with a reason. */
    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public ActionSummary revert(long actionId, String reason) {
        String why = AbuseQueueService.requireReason(reason);
        return measures.revert(actionId, why);
    }

    /** Asks for a measure on every user of a case; it waits for an administrator other than the asker. */
    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public ActionSummary requestForCase(long caseId, ActionKind kind, Long amount, LocalDateTime until, String reason, String requestKey) {
        String why = AbuseQueueService.requireReason(reason);
        validate(kind, amount, until);
        cases.find(caseId).orElseThrow(() -> new AbuseException("abuse.error.no-case"));
        var earlier = actions.findByKey(requestKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long id = actions.insert(requestKey, null, caseId, null, kind, amount, until, why, "pending", staff.actor(),
                LocalDateTime.now(clock)).orElseThrow();
        audit.record("abuse.case_action_requested", "abuse_case", Long.toString(caseId), "action #" + id + " " + kind.dbValue()
                + (amount == null ? "" : " " + amount) + "; " + why);
        return actions.find(id).orElseThrow();
    }

    /** A second administrator applies a case's pending measure to each of its users; returns how many it reached. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public int approveForCase(long actionId) {
        ActionSummary pending = pendingCaseAction(actionId);
        if (pending.requestedBy().equals(staff.actor())) {
            audit.record("abuse.case_action_self_approval_refused", "abuse_case", Long.toString(pending.caseId()), "action #" + actionId);
            throw new AbuseException("abuse.error.own-request");
        }
        int reached = 0;
        for (long userId : cases.usersOf(pending.caseId())) {
            if (actions.inForce(userId, pending.kind()).isEmpty()) {
                measures.apply(userId, pending.caseId(), null, pending.kind(), pending.amount(), pending.until(), pending.reason(),
                        "case-action:" + actionId + ":" + userId);
                reached++;
            }
        }
        actions.decide(actionId, "applied", staff.actor(), LocalDateTime.now(clock));
        audit.record("abuse.case_action_approved", "abuse_case", Long.toString(pending.caseId()), "action #" + actionId + " reached " + reached);
        return reached;
    }

    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void rejectForCase(long actionId, String reason) {
        String why = AbuseQueueService.requireReason(reason);
        ActionSummary pending = pendingCaseAction(actionId);
        actions.decide(actionId, "rejected", staff.actor(), LocalDateTime.now(clock));
        audit.record("abuse.case_action_rejected", "abuse_case", Long.toString(pending.caseId()), "action #" + actionId + "; " + why);
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public List<ActionSummary> ofUser(long userId) {
        return actions.ofUser(userId);
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public List<BlockEntry> blocklistOf(long userId) {
        return actions.blocksOf(userId);
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public List<ActionSummary> ofCase(long caseId) {
        return actions.ofCase(caseId);
    }

    private ActionSummary pendingCaseAction(long actionId) {
        ActionSummary action = actions.lock(actionId).orElseThrow(() -> new AbuseException("abuse.error.no-action"));
        if (action.caseId() == null || action.userId() != null || !"pending".equals(action.status())) {
            throw new AbuseException("abuse.error.not-pending");
        }
        return action;
    }

    private void validate(ActionKind kind, Long amount, LocalDateTime until) {
        if (kind == ActionKind.CAP && (amount == null || amount < 0 || amount > 1_000_000_000_000L)) {
            throw new AbuseException("abuse.error.cap");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (kind == ActionKind.BAN && until != null && (!until.isAfter(now) || until.isAfter(now.plusYears(5)))) {
            throw new AbuseException("abuse.error.until");
        }
    }
}

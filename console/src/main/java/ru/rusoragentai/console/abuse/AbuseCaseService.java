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

/** Cases: related flags worked together, with notes and an outcome that decides their open flags alike. */
@Service
@Transactional(readOnly = true)
public class AbuseCaseService {

    /** How a case ends: every open flag confirmed, every open flag dismissed, or each decided on its own. */
    public enum Outcome { CONFIRMED, FALSE_POSITIVE, MIXED }

    private final CaseRepository cases;
    private final AbuseQueueService queue;
    private final AuditService audit;
    private final CurrentStaff staff;
    private final Clock clock;

    AbuseCaseService(CaseRepository cases, AbuseQueueService queue, AuditService audit, CurrentStaff staff, Clock clock) {
        this.cases = cases;
        this.queue = queue;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public CaseSummary find(long caseId) {
        return cases.find(caseId).orElseThrow(() -> new AbuseException("abuse.error.no-case"));
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public List<CaseSummary> list(boolean open, int offset, int limit) {
        return cases.find(open, offset, Math.min(limit, 500));
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public int count(boolean open) {
        return cases.count(open);
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public List<CaseNote> notes(long caseId) {
        return cases.notes(caseId);
    }

    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public void addNote(long caseId, String body) {
        find(caseId);
        if (body == null || body.isBlank() || body.strip().length() > 4000) {
            throw new AbuseException("abuse.error.note");
        }
        cases.addNote(caseId, staff.actor(), body.strip(), LocalDateTime.now(clock));
        audit.record("abuse.case_note_added", "abuse_case", Long.toString(caseId), "");
    }

    /** Closes the case read at {@code version} with an outcome and a reason; its open flags are decided to match. */
    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public CaseSummary close(long caseId, int version, Outcome outcome, String reason) {
        String why = AbuseQueueService.requireReason(reason);
        if (outcome == null) {
            throw new AbuseException("abuse.error.outcome");
        }
        if (!cases.close(caseId, version, outcome.name().toLowerCase(java.util.Locale.ROOT), staff.actor(), LocalDateTime.now(clock))) {
            throw new AbuseException("abuse.error.stale");
        }
        int decided = switch (outcome) {
            case CONFIRMED -> queue.decideCase(caseId, FlagStatus.CONFIRMED, why).size();
            case FALSE_POSITIVE -> queue.decideCase(caseId, FlagStatus.DISMISSED, why).size();
            case MIXED -> 0;
        };
        audit.record("abuse.case_closed", "abuse_case", Long.toString(caseId), outcome.name().toLowerCase(java.util.Locale.ROOT)
                + ", " + decided + " open flags decided");
        return find(caseId);
    }
}

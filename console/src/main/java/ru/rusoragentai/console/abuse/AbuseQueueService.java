package ru.rusoragentai.console.abuse;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/**
 * The review queue: flags filtered and ordered, taken by a staff member, confirmed or dismissed with a reason, and
 * rules snoozed per user. Operators and administrators decide; support reads.
 */
@Service
@Transactional(readOnly = true)
public class AbuseQueueService {

    static final String USER_TARGET = "user";
    static final String FLAG_TARGET = "abuse_flag";

    private final QueueRepository queue;
    private final SnoozeRepository snoozes;
    private final Evaluator evaluator;
    private final AuditService audit;
    private final CurrentStaff staff;
    private final Clock clock;

    AbuseQueueService(QueueRepository queue, SnoozeRepository snoozes, Evaluator evaluator, AuditService audit, CurrentStaff staff,
                      Clock clock) {
        this.queue = queue;
        this.snoozes = snoozes;
        this.evaluator = evaluator;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public List<FlagSummary> find(FlagFilter filter, QueueSort sort, int offset, int limit) {
        return queue.find(filter, sort, offset, Math.min(limit, 500));
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public int count(FlagFilter filter) {
        return queue.count(filter);
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public FlagSummary flag(long id) {
        return queue.find(id).orElseThrow(() -> new AbuseException("abuse.error.no-flag"));
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** Takes the open flags among {@code ids}; returns how many were taken. */
    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public int assignToMe(Collection<Long> ids) {
        List<Long> taken = queue.assign(ids, staff.actor());
        taken.forEach(id -> audit.record("abuse.flag_assigned", FLAG_TARGET, Long.toString(id), "to " + staff.actor()));
        return taken.size();
    }

    /**
     * Confirms or dismisses (a false positive) one open flag as read at {@code version}, with a reason; refused when
     * someone decided or changed it meanwhile, so a double click or two staff members decide it once.
     */
    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public FlagSummary decide(long id, int version, boolean confirmed, String reason) {
        String why = requireReason(reason);
        FlagSummary flag = flag(id);
        FlagStatus outcome = confirmed ? FlagStatus.CONFIRMED : FlagStatus.DISMISSED;
        if (!queue.decide(id, version, outcome, staff.actor(), why, LocalDateTime.now(clock))) {
            throw new AbuseException(flag.status().open() ? "abuse.error.stale" : "abuse.error.decided");
        }
        recordDecision(flag, outcome, why);
        refreshScore(List.of(flag));
        return flag(id);
    }

    /** Dismisses every open flag among {@code ids} as false positives; returns how many. */
    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public int dismissAll(Collection<Long> ids, String reason) {
        String why = requireReason(reason);
        List<FlagSummary> decided = queue.decideAll(QueueRepository.byIds(ids), FlagStatus.DISMISSED, staff.actor(), why,
                LocalDateTime.now(clock));
        decided.forEach(f -> recordDecision(f, FlagStatus.DISMISSED, why));
        refreshScore(decided);
        return decided.size();
    }

    /** Decides every open flag of a case alike (closing it). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    List<FlagSummary> decideCase(long caseId, FlagStatus outcome, String reason) {
        List<FlagSummary> decided = queue.decideAll(QueueRepository.byCase(caseId), outcome, staff.actor(), reason,
                LocalDateTime.now(clock));
        decided.forEach(f -> recordDecision(f, outcome, reason));
        refreshScore(decided);
        return decided;
    }

    /** The rule raises nothing more for the user until {@code until}; a later snooze replaces an earlier one. */
    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public void snooze(String rule, long userId, LocalDateTime until, String reason) {
        String why = requireReason(reason);
        if (until == null || !until.isAfter(LocalDateTime.now(clock)) || until.isAfter(LocalDateTime.now(clock).plusYears(1))) {
            throw new AbuseException("abuse.error.snooze-until");
        }
        snoozes.snooze(rule, userId, until, why, staff.actor(), LocalDateTime.now(clock));
        audit.recordPersonal("abuse.rule_snoozed", USER_TARGET, Long.toString(userId), rule + " until " + until, userId, why);
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public List<RuleSnooze> snoozes(long userId) {
        return snoozes.of(userId, LocalDateTime.now(clock));
    }

    private void recordDecision(FlagSummary flag, FlagStatus outcome, String reason) {
        String action = outcome == FlagStatus.CONFIRMED ? "abuse.flag_confirmed" : "abuse.flag_dismissed";
        String details = "flag #" + flag.id() + " " + flag.rule();
        if (flag.userId() != null) {
            audit.recordPersonal(action, USER_TARGET, Long.toString(flag.userId()), details, flag.userId(), reason);
        } else {
            audit.record(action, FLAG_TARGET, Long.toString(flag.id()), details + "; " + reason);
        }
    }

    private void refreshScore(List<FlagSummary> flags) {
        Set<Long> users = flags.stream().map(FlagSummary::userId).filter(Objects::nonNull).collect(Collectors.toSet());
        evaluator.refreshScores(users);
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new AbuseException("abuse.error.reason");
        }
        String trimmed = reason.strip();
        return trimmed.length() > 1000 ? trimmed.substring(0, 1000) : trimmed;
    }
}

package ru.rusoragentai.console.abuse;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.tokens.LedgerKind;
import ru.rusoragentai.console.tokens.LedgerRequest;
import ru.rusoragentai.console.tokens.TokenLedgerService;
import ru.rusoragentai.console.users.UserService;

/**
 * Applies and undoes one measure on one user inside the caller's transaction, under a lock on the user. Internal: the
 * action service checks permissions.
 */
@Component
class MeasureApplier {

    /** How far back a ban looks for the networks and devices to block. */
    private static final int BAN_LOOKBACK_DAYS = 30;

    private final ActionRepository actions;
    private final UserService users;
    private final TokenLedgerService ledger;
    private final BlocklistHash hashes;
    private final AuditService audit;
    private final CurrentStaff staff;
    private final Clock clock;

    MeasureApplier(ActionRepository actions, UserService users, TokenLedgerService ledger, BlocklistHash hashes, AuditService audit,
                   CurrentStaff staff, Clock clock) {
        this.actions = actions;
        this.users = users;
        this.ledger = ledger;
        this.hashes = hashes;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    ActionSummary apply(long userId, Long caseId, Long flagId, ActionKind kind, Long amount, LocalDateTime until, String reason,
                        String requestKey) {
        if (!actions.lockUser(userId)) {
            throw new AbuseException("abuse.error.no-user");
        }
        if (actions.inForce(userId, kind).isPresent()) {
            throw new AbuseException("abuse.error.in-force");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        long id = actions.insert(requestKey, userId, caseId, flagId, kind, amount, until, reason, "applied", staff.actor(), now)
                .orElseThrow(() -> new AbuseException("abuse.error.in-force"));
        String details = "action #" + id + " " + kind.dbValue();
        switch (kind) {
            case WATCH -> {
            }
            case CAP -> users.setDailyTokenCapForAbuse(userId, amount, reason);
            case FREEZE -> {
                long frozen = actions.unspentFreeTokens(userId);
                if (frozen == 0) {
                    throw new AbuseException("abuse.error.nothing-to-freeze");
                }
                ledger.apply(new LedgerRequest(userId, -frozen, LedgerKind.FREEZE, "abuse-action:" + id,
                        "free tokens frozen by abuse action #" + id, "abuse-freeze:" + id, false));
                actions.setAmount(id, frozen);
                details += " " + frozen;
            }
            case SUSPEND -> users.setSuspendedForAbuse(userId, true, reason);
            case BAN -> {
                users.setSuspendedForAbuse(userId, true, reason);
                var targets = actions.banTargets(userId, now.minusDays(BAN_LOOKBACK_DAYS));
                targets.forEach(t -> actions.block(t, hashes.of(t.kind(), t.value()), userId, id, staff.actor(), now, until));
                details += " blocking " + targets.size() + (until == null ? "" : " until " + until);
            }
        }
        audit.recordPersonal("abuse.action_taken", AbuseQueueService.USER_TARGET, Long.toString(userId), details, userId, reason);
        return actions.find(id).orElseThrow();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    ActionSummary revert(long actionId, String reason) {
        ActionSummary action = actions.lock(actionId).orElseThrow(() -> new AbuseException("abuse.error.no-action"));
        if (!action.inForce() || action.userId() == null) {
            throw new AbuseException("abuse.error.not-in-force");
        }
        long userId = action.userId();
        actions.lockUser(userId);
        LocalDateTime now = LocalDateTime.now(clock);
        switch (action.kind()) {
            case WATCH -> {
            }
            case CAP -> users.setDailyTokenCapForAbuse(userId, null, reason);
            case FREEZE -> ledger.apply(new LedgerRequest(userId, action.amount(), LedgerKind.FREEZE, "abuse-action:" + actionId,
                    "frozen tokens released (abuse action #" + actionId + ")", "abuse-unfreeze:" + actionId, false));
            case SUSPEND -> {
                if (actions.inForce(userId, ActionKind.BAN).isEmpty()) {
                    users.setSuspendedForAbuse(userId, false, reason);
                }
            }
            case BAN -> {
                actions.unblock(actionId, now);
                if (actions.inForce(userId, ActionKind.SUSPEND).isEmpty()) {
                    users.setSuspendedForAbuse(userId, false, reason);
                }
            }
        }
        actions.revert(actionId, staff.actor(), now);
        audit.recordPersonal("abuse.action_reverted", AbuseQueueService.USER_TARGET, Long.toString(userId),
                "action #" + actionId + " " + action.kind().dbValue(), userId, reason);
        return actions.find(actionId).orElseThrow();
    }
}

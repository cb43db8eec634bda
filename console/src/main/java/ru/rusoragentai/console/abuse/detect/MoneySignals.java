package ru.rusoragentai.console.abuse.detect;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Questions about tokens and money: who never bought, who got free tokens, refunds, chargebacks, staff grants. */
@Repository
class MoneySignals {

    /** Free tokens a user was granted (bonus or adjustment credits) and tokens spent, since sign-up. */
    record Grants(long userId, long grants, long granted, long spent) {
    }

    /** A referrer and the accounts that named them. */
    record Referrals(long referrer, List<Long> referred) {
    }

    record Reversal(long userId, String kind, @Nullable String reference, long tokens, LocalDateTime at) {
    }

    record Purchase(long tokens, LocalDateTime at) {
    }

    /** Goodwill and compensation a staff member granted in a window. */
    record StaffGrants(String staff, long adjustments, long tokens) {
    }

    private final DSLContext dsl;

    MoneySignals(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Of the given users, those with at least one purchase in the ledger. */
    Set<Long> buyers(Collection<Long> users) {
        Set<Long> buyers = new HashSet<>();
        for (List<Long> chunk : Candidates.chunks(users)) {
            buyers.addAll(Candidates.query(dsl, "SELECT DISTINCT user_id FROM token_ledger FORCE INDEX (token_ledger_kind_user_idx) WHERE kind = 'purchase' AND user_id IN ({0})",
                    Candidates.in(chunk)).fetch(0, Long.class));
        }
        return buyers;
    }

    List<Grants> grants(Collection<Long> users) {
        List<Grants> rows = new ArrayList<>();
        for (List<Long> chunk : Candidates.chunks(users)) {
            Candidates.query(dsl, """
                    SELECT user_id, SUM(kind IN ('bonus', 'adjustment') AND delta > 0), SUM(IF(kind IN ('bonus', 'adjustment') AND delta > 0, delta, 0)),
                           -SUM(IF(kind = 'usage', delta, 0))
                    FROM token_ledger WHERE user_id IN ({0}) GROUP BY user_id""", Candidates.in(chunk))
                    .fetch().forEach(r -> rows.add(new Grants(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, Long.class))));
        }
        return rows;
    }

    /** The referrers of the given users (and the users themselves, if they refer others), with everyone they referred. */
    List<Referrals> referralsAround(Collection<Long> users) {
        Set<Long> referrers = new TreeSet<>();
        for (List<Long> chunk : Candidates.chunks(users)) {
            referrers.addAll(Candidates.query(dsl, "SELECT referred_by FROM app_user WHERE id IN ({0}) AND referred_by IS NOT NULL",
                    Candidates.in(chunk)).fetch(0, Long.class));
            referrers.addAll(Candidates.query(dsl, "SELECT DISTINCT referred_by FROM app_user WHERE referred_by IN ({0})",
                    Candidates.in(chunk)).fetch(0, Long.class));
        }
        List<Referrals> rows = new ArrayList<>();
        for (List<Long> chunk : Candidates.chunks(referrers)) {
            Candidates.query(dsl, """
                    SELECT referred_by, GROUP_CONCAT(id ORDER BY id SEPARATOR ',') FROM app_user
                    WHERE referred_by IN ({0}) AND status <> 'deleted' GROUP BY referred_by""", Candidates.in(chunk))
                    .fetch().forEach(r -> rows.add(new Referrals(r.get(0, Long.class), SessionSignals.ids(r.get(1, String.class)))));
        }
        return rows;
    }

    /** Users granted free tokens (bonus or adjustment credits) at least {@code min} times since sign-up. */
    Set<Long> grantedAtLeast(long min) {
        // each kind is one ordered range of the (kind, user_id, delta) index, grouped as it is read; both kinds in one
        // statement made the database sort a million groups. Adjustment credits are few: their users' bonuses are added.
        Set<Long> found = new TreeSet<>(Candidates.query(dsl, """
                SELECT user_id FROM token_ledger FORCE INDEX (token_ledger_kind_user_idx) WHERE kind = 'bonus' AND delta > 0
                GROUP BY user_id HAVING COUNT(*) >= {0}""", min).fetch(0, Long.class));
        Map<Long, Long> adjusted = new HashMap<>();
        Candidates.query(dsl, """
                SELECT user_id, COUNT(*) FROM token_ledger FORCE INDEX (token_ledger_kind_user_idx) WHERE kind = 'adjustment' AND delta > 0
                GROUP BY user_id""").forEach(r -> adjusted.put(r.get(0, Long.class), r.get(1, Long.class)));
        adjusted.keySet().removeAll(found);
        for (List<Long> chunk : Candidates.chunks(adjusted.keySet())) {
            Map<Long, Long> bonuses = new HashMap<>();
            Candidates.query(dsl, """
                    SELECT user_id, COUNT(*) FROM token_ledger FORCE INDEX (token_ledger_kind_user_idx)
                    WHERE kind = 'bonus' AND delta > 0 AND user_id IN ({0}) GROUP BY user_id""", Candidates.in(chunk))
                    .forEach(r -> bonuses.put(r.get(0, Long.class), r.get(1, Long.class)));
            chunk.stream().filter(user -> adjusted.get(user) + bonuses.getOrDefault(user, 0L) >= min).forEach(found::add);
        }
        return found;
    }

    /** Referrers named by at least {@code min} accounts that are not deleted, with those accounts. */
    List<Referrals> referrersOfAtLeast(long min) {
        return Candidates.query(dsl, """
                SELECT referred_by, GROUP_CONCAT(id ORDER BY id SEPARATOR ',') FROM app_user
                WHERE referred_by IS NOT NULL AND status <> 'deleted' GROUP BY referred_by HAVING COUNT(*) >= {0}""", min)
                .fetch(r -> new Referrals(r.get(0, Long.class), SessionSignals.ids(r.get(1, String.class))));
    }

    /** Of the given users, those with a ledger row in the range. */
    Set<Long> activeIn(Collection<Long> users, LocalDateTime from, LocalDateTime to) {
        Set<Long> active = new TreeSet<>();
        for (List<Long> chunk : Candidates.chunks(users)) {
            active.addAll(Candidates.query(dsl, """
                    SELECT DISTINCT user_id FROM token_ledger WHERE user_id IN ({0}) AND created_at >= {1} AND created_at < {2}""",
                    Candidates.in(chunk), from, to).fetch(0, Long.class));
        }
        return active;
    }

    /** Refunds and chargebacks of the given users in the window; of everyone, for null (one range of the kind index). */
    List<Reversal> reversals(Collection<Long> users, LocalDateTime from, LocalDateTime to) {
        List<Reversal> rows = new ArrayList<>();
        if (users == null) {
            Candidates.query(dsl, """
                    SELECT user_id, kind, reference, -delta, created_at FROM token_ledger FORCE INDEX (token_ledger_kind_idx)
                    WHERE kind IN ('refund', 'chargeback') AND created_at >= {0} AND created_at < {1}
                    ORDER BY user_id, created_at""", from, to)
                    .fetch().forEach(r -> rows.add(new Reversal(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                            r.get(3, Long.class), r.get(4, LocalDateTime.class))));
            return rows;
        }
        for (List<Long> chunk : Candidates.chunks(users)) {
            Candidates.query(dsl, """
                    SELECT user_id, kind, reference, -delta, created_at FROM token_ledger
                    WHERE user_id IN ({0}) AND kind IN ('refund', 'chargeback') AND created_at >= {1} AND created_at < {2}
                    ORDER BY user_id, created_at""", Candidates.in(chunk), from, to)
                    .fetch().forEach(r -> rows.add(new Reversal(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                            r.get(3, Long.class), r.get(4, LocalDateTime.class))));
        }
        return rows;
    }

    java.util.Optional<Purchase> purchase(long userId, String reference) {
        return Candidates.query(dsl, """
                SELECT delta, created_at FROM token_ledger WHERE user_id = {0} AND kind = 'purchase' AND reference = {1}
                ORDER BY id LIMIT 1""", userId, reference)
                .fetchOptional(r -> new Purchase(r.get(0, Long.class), r.get(1, LocalDateTime.class)));
    }

    /** Staff members whose adjustments reached the ledger in scope. */
    Set<String> staffInScope(Scope scope) {
        String where = scope.byTime() ? "a.requested_at >= {0} AND a.requested_at < {1}" : "l.id > {0} AND l.id <= {1}";
        return new TreeSet<>(Candidates.query(dsl, """
                SELECT DISTINCT a.requested_by FROM token_adjustment a JOIN token_ledger l ON l.id = a.ledger_entry_id WHERE\s""" + where,
                scope.byTime() ? scope.activeFrom() : scope.afterId(), scope.byTime() ? scope.asOf() : scope.upToId())
                .fetch(0, String.class));
    }

    /** Every staff member's applied goodwill and compensation credits in the window. */
    List<StaffGrants> staffGrants(LocalDateTime from, LocalDateTime to) {
        return Candidates.query(dsl, """
                SELECT requested_by, COUNT(*), SUM(delta) FROM token_adjustment
                WHERE requested_at >= {0} AND requested_at < {1} AND status = 'applied' AND delta > 0
                  AND reason_code IN ('goodwill', 'compensation')
                GROUP BY requested_by""", from, to)
                .fetch(r -> new StaffGrants(r.get(0, String.class), r.get(1, Long.class), r.get(2, Long.class)));
    }

    /** Users marked as possibly under 16 that the rule has not flagged yet. */
    List<Long> unflaggedMinors(String ruleCode, int limit) {
        return Candidates.query(dsl, """
                SELECT u.id FROM app_user u WHERE u.possible_minor = TRUE AND u.status <> 'deleted'
                  AND NOT EXISTS (SELECT 1 FROM abuse_flag f WHERE f.rule_code = {0} AND f.subject_key = CONCAT('u:', u.id))
                ORDER BY u.id LIMIT {1}""", ruleCode, limit).fetch(0, Long.class);
    }
}

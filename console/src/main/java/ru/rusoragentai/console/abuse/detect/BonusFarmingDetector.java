package ru.rusoragentai.console.abuse.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Accounts that live on free tokens. Alone: never bought, granted free tokens (bonus or adjustment credits) at least
 * {@code threshold} times and spent at least {@code min_spent}. Across linked accounts: a referrer with at least
 * {@code threshold} referred accounts that never bought and spent their bonus; the referrer and those accounts are
 * one case.
 */
@Component
class BonusFarmingDetector extends BaseDetector {

    static final ParamSpec MIN_SPENT = new ParamSpec("min_spent", 0, Long.MAX_VALUE / 4, 5_000);

    private final Candidates candidates;
    private final MoneySignals money;

    BonusFarmingDetector(Candidates candidates, MoneySignals money) {
        super("bonus_farming", Source.LEDGER, MIN_SPENT);
        this.candidates = candidates;
        this.money = money;
    }

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        Set<Long> users;
        List<MoneySignals.Referrals> referrals;
        if (scope.byTime()) {
            // over a range nearly everyone with a ledger row is a candidate: start from the rare conditions instead (granted
            // free tokens often, or a referrer of enough accounts) and keep those active in the range
            Set<Long> suspects = new TreeSet<>(money.grantedAtLeast(rule.threshold()));
            List<MoneySignals.Referrals> rings = money.referrersOfAtLeast(rule.threshold());
            rings.forEach(r -> {
                suspects.add(r.referrer());
                suspects.addAll(r.referred());
            });
            Set<Long> active = money.activeIn(suspects, scope.activeFrom(), scope.asOf());
            users = active;
            referrals = rings.stream().filter(r -> active.contains(r.referrer()) || r.referred().stream().anyMatch(active::contains)).toList();
        } else {
            users = candidates.users(source(), scope);
            if (users.isEmpty()) {
                return List.of();
            }
            referrals = money.referralsAround(users);
        }
        List<Finding> found = new ArrayList<>();
        Set<Long> everyone = new HashSet<>(users);
        referrals.forEach(r -> {
            everyone.add(r.referrer());
            everyone.addAll(r.referred());
        });
        Set<Long> buyers = money.buyers(everyone);
        Map<Long, MoneySignals.Grants> grants = new HashMap<>();
        money.grants(everyone).forEach(g -> grants.put(g.userId(), g));
        for (long user : users) {
            var g = grants.get(user);
            if (g != null && !buyers.contains(user) && g.grants() >= rule.threshold() && g.spent() >= rule.param(MIN_SPENT)) {
                found.add(Finding.user(user, "alone", null, Episodes.evidence("grants", g.grants(), "granted", g.granted(), "spent", g.spent())));
            }
        }
        for (var ring : referrals) {
            List<Long> farmed = ring.referred().stream().filter(u -> !buyers.contains(u))
                    .filter(u -> grants.containsKey(u) && grants.get(u).spent() > 0).toList();
            if (farmed.size() < rule.threshold()) {
                continue;
            }
            String group = "ref:" + ring.referrer();
            List<Long> members = new ArrayList<>(farmed);
            members.addFirst(ring.referrer());
            for (long member : members) {
                found.add(Finding.user(member, group, group, Episodes.evidence("referrer", ring.referrer(),
                        "accounts", farmed.size(), "referred", ring.referred().size(), "linked", Episodes.listed(members))));
            }
        }
        return found;
    }
}

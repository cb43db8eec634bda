package ru.rusoragentai.console.abuse.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A staff member whose applied goodwill and compensation credits in the window number at least {@code threshold},
 * total at least {@code floor_tokens} and are {@code peer_multiplier} times the median of the other staff who
 * granted any. The subject is the staff member, not a user.
 */
@Component
class InsiderDetector extends BaseDetector {

    static final ParamSpec PEER_MULTIPLIER = new ParamSpec("peer_multiplier", 1, 1_000, 5);
    static final ParamSpec FLOOR = new ParamSpec("floor_tokens", 0, Long.MAX_VALUE / 4, 100_000);

    private final MoneySignals money;

    InsiderDetector(MoneySignals money) {
        super("insider", Source.LEDGER, PEER_MULTIPLIER, FLOOR);
        this.money = money;
    }

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        Set<String> staff = money.staffInScope(scope);
        if (staff.isEmpty()) {
            return List.of();
        }
        var all = money.staffGrants(scope.asOf().minus(rule.window()), scope.asOf());
        List<Finding> found = new ArrayList<>();
        for (var member : all) {
            if (!staff.contains(member.staff())) {
                continue;
            }
            long median = median(all.stream().filter(o -> !o.staff().equals(member.staff())).mapToLong(MoneySignals.StaffGrants::tokens).sorted().toArray());
            if (member.adjustments() >= rule.threshold() && member.tokens() >= rule.param(FLOOR)
                    && member.tokens() >= rule.param(PEER_MULTIPLIER) * Math.max(median, 1)) {
                found.add(new Finding(null, member.staff(), Episodes.month(scope.asOf()), null, Episodes.evidence(
                        "adjustments", member.adjustments(), "tokens", member.tokens(), "peer_median", median,
                        "peers", all.size() - 1)));
            }
        }
        return found;
    }

    private static long median(long[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

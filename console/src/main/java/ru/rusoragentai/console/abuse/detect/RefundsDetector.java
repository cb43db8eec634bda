package ru.rusoragentai.console.abuse.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * At least {@code threshold} refunds and chargebacks in the window, or any chargeback after the user had already
 * spent {@code heavy_use_percent} of the tokens that purchase bought. The payment intake runs it at once on every
 * refund or chargeback.
 */
@Component
class RefundsDetector extends BaseDetector {

    static final ParamSpec HEAVY_USE = new ParamSpec("heavy_use_percent", 1, 100, 50);

    private final Candidates candidates;
    private final MoneySignals money;
    private final UsageSignals usage;

    RefundsDetector(Candidates candidates, MoneySignals money, UsageSignals usage) {
        super("refunds", Source.LEDGER, HEAVY_USE);
        this.candidates = candidates;
        this.money = money;
        this.usage = usage;
    }

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        // over a range every reversal in the window is a candidate's own ledger row: they are read directly
        Set<Long> users = scope.byTime() ? null : candidates.users(source(), scope);
        if (users != null && users.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MoneySignals.Reversal>> byUser = new LinkedHashMap<>();
        for (var r : money.reversals(users, scope.asOf().minus(rule.window()), scope.asOf())) {
            byUser.computeIfAbsent(r.userId(), u -> new ArrayList<>()).add(r);
        }
        List<Finding> found = new ArrayList<>();
        for (var entry : byUser.entrySet()) {
            List<MoneySignals.Reversal> reversals = entry.getValue();
            if (reversals.size() >= rule.threshold()) {
                found.add(Finding.user(entry.getKey(), "count:" + Episodes.month(reversals.getFirst().at()), null, Episodes.evidence(
                        "refunds", reversals.stream().filter(r -> "refund".equals(r.kind())).count(),
                        "chargebacks", reversals.stream().filter(r -> "chargeback".equals(r.kind())).count(),
                        "tokens", reversals.stream().mapToLong(MoneySignals.Reversal::tokens).sum(),
                        "references", reversals.stream().map(MoneySignals.Reversal::reference).limit(Episodes.MAX_LISTED).toList())));
            }
            for (var chargeback : reversals.stream().filter(r -> "chargeback".equals(r.kind())).toList()) {
                heavyUse(rule, chargeback).ifPresent(found::add);
            }
        }
        return found;
    }

    private java.util.Optional<Finding> heavyUse(Rule rule, MoneySignals.Reversal chargeback) {
        return money.purchase(chargeback.userId(), chargeback.reference()).flatMap(purchase -> {
            long used = usage.tokensCharged(chargeback.userId(), purchase.at(), chargeback.at());
            long percent = purchase.tokens() == 0 ? 0 : 100 * used / purchase.tokens();
            if (purchase.tokens() == 0 || 100 * used < rule.param(HEAVY_USE) * purchase.tokens()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Finding.user(chargeback.userId(), "chargeback:" + chargeback.reference(), null,
                    Episodes.evidence("reference", chargeback.reference(), "tokens", purchase.tokens(), "used", used,
                            "used_percent", percent)));
        });
    }
}

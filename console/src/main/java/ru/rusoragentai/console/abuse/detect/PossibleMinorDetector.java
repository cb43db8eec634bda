package ru.rusoragentai.console.abuse.detect;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Users marked as possibly under 16 surface in the queue once, so staff start the reported-minor privacy flow. The
 * mark is set on existing rows, so every run looks for marked users without a flag (an index range) instead of new
 * rows.
 */
@Component
class PossibleMinorDetector extends BaseDetector {

    private static final int PER_RUN = 10_000;

    private final MoneySignals signals;

    PossibleMinorDetector(MoneySignals signals) {
        super("possible_minor", Source.USERS);
        this.signals = signals;
    }

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        return signals.unflaggedMinors(code(), PER_RUN).stream()
                .map(user -> Finding.user(user, "minor", null, Episodes.evidence("possible_minor", true))).toList();
    }
}

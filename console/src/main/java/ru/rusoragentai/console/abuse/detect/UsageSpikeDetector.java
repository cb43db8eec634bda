package ru.rusoragentai.console.abuse.detect;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tokens charged in the window at least {@code threshold} times the user's own average per window over the trailing
 * {@code baseline_days}, and at least {@code floor_tokens}, so small users never trip it. The evidence carries the
 * tokens per day as a trend.
 */
@Component
class UsageSpikeDetector extends BaseDetector {

    static final ParamSpec FLOOR = new ParamSpec("floor_tokens", 1, Long.MAX_VALUE / 4, 5_000);
    static final ParamSpec BASELINE_DAYS = new ParamSpec("baseline_days", 1, 90, 14);

    private final Candidates candidates;
    private final UsageSignals usage;

    UsageSpikeDetector(Candidates candidates, UsageSignals usage) {
        super("usage_spike", Source.USAGE, FLOOR, BASELINE_DAYS);
        this.candidates = candidates;
        this.usage = usage;
    }

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        LocalDateTime windowFrom = scope.asOf().minus(rule.window());
        return judge(rule, usage.heavy(scope.byTime() ? null : candidates.users(source(), scope), windowFrom, scope.asOf(),
                rule.param(FLOOR), 0), scope.asOf());
    }

    /** One pass finds the windows over the floor; only those are judged against the users' baselines. */
    @Override
    public List<Finding> evaluateRange(Rule rule, LocalDateTime from, LocalDateTime to) {
        List<Finding> found = new ArrayList<>();
        usage.heavyBuckets(from, to, rule.windowMinutes(), rule.param(FLOOR), 0).forEach((asOf, users) -> found.addAll(judge(rule, users, asOf)));
        return found;
    }

    private List<Finding> judge(Rule rule, Set<Long> users, LocalDateTime asOf) {
        if (users.isEmpty()) {
            return List.of();
        }
        LocalDateTime windowFrom = asOf.minus(rule.window());
        LocalDateTime baselineFrom = windowFrom.minusDays(rule.param(BASELINE_DAYS));
        double windows = rule.param(BASELINE_DAYS) * 1440.0 / rule.windowMinutes();
        List<Finding> found = new ArrayList<>();
        for (var s : usage.spikes(users, baselineFrom, windowFrom, asOf)) {
            double average = s.baseline() / windows;
            if (s.current() >= rule.param(FLOOR) && s.current() >= rule.threshold() * Math.max(average, 1.0)) {
                var days = usage.tokensPerDay(s.userId(), baselineFrom, asOf);
                found.add(Finding.user(s.userId(), Episodes.day(asOf), null, Episodes.evidence(
                        "tokens", s.current(), "baseline_average", Math.round(average),
                        "times", average >= 1 ? Math.round(s.current() / average) : null,
                        "series", days.entrySet().stream().map(e -> List.of(e.getKey().toString(), e.getValue())).toList())));
            }
        }
        return found;
    }
}

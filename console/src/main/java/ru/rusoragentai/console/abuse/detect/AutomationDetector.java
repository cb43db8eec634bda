package ru.rusoragentai.console.abuse.detect;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Request rate or error rate far above peers: at least {@code threshold} requests in the window and
 * {@code peer_multiplier} times the median requests of the users active in the window, or at least {@code error_percent} failing out
 * of {@code min_requests} or more.
 */
@Component
class AutomationDetector extends BaseDetector {

    static final ParamSpec PEER_MULTIPLIER = new ParamSpec("peer_multiplier", 1, 10_000, 20);
    static final ParamSpec ERROR_PERCENT = new ParamSpec("error_percent", 1, 100, 50);
    static final ParamSpec MIN_REQUESTS = new ParamSpec("min_requests", 1, 1_000_000, 50);

    private final Candidates candidates;
    private final UsageSignals usage;

    AutomationDetector(Candidates candidates, UsageSignals usage) {
        super("automation", Source.USAGE, PEER_MULTIPLIER, ERROR_PERCENT, MIN_REQUESTS);
        this.candidates = candidates;
        this.usage = usage;
    }

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        LocalDateTime from = scope.asOf().minus(rule.window());
        Set<Long> busy = usage.heavy(scope.byTime() ? null : candidates.users(source(), scope), from, scope.asOf(), 0,
                Math.min(rule.threshold(), rule.param(MIN_REQUESTS)));
        return busy.isEmpty() ? List.of() : judge(rule, busy, scope.asOf(), usage.peerRequestsPerUser(from, scope.asOf()));
    }

    /** One pass finds the windows with enough requests; only those are compared with their peers. */
    @Override
    public List<Finding> evaluateRange(Rule rule, LocalDateTime from, LocalDateTime to) {
        List<Finding> found = new ArrayList<>();
        usage.busyBuckets(from, to, rule.windowMinutes(), Math.min(rule.threshold(), rule.param(MIN_REQUESTS)))
                .forEach((asOf, busy) -> found.addAll(judge(rule, busy.users(), asOf, Double.isNaN(busy.peerMedian())
                        ? usage.peerRequestsPerUser(asOf.minus(rule.window()), asOf) : busy.peerMedian())));
        return found;
    }

    private List<Finding> judge(Rule rule, Set<Long> users, LocalDateTime asOf, double peers) {
        LocalDateTime from = asOf.minus(rule.window());
        List<Finding> found = new ArrayList<>();
        for (var r : usage.requests(users, from, asOf)) {
            long errorPercent = r.requests() == 0 ? 0 : 100 * r.errors() / r.requests();
            boolean fast = r.requests() >= rule.threshold() && r.requests() >= rule.param(PEER_MULTIPLIER) * peers;
            boolean failing = r.requests() >= rule.param(MIN_REQUESTS) && 100 * r.errors() >= rule.param(ERROR_PERCENT) * r.requests();
            if (fast || failing) {
                found.add(Finding.user(r.userId(), Episodes.day(asOf), null, Episodes.evidence(
                        "requests", r.requests(), "peer_average", Math.round(peers * 10) / 10.0, "error_percent", errorPercent,
                        "reason", fast ? "rate" : "errors")));
            }
        }
        return found;
    }
}

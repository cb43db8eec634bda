package ru.rusoragentai.console.abuse.detect;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * An account that never bought spends at least {@code threshold} free tokens in the window, {@code share_percent}
 * or more of them on the {@code top_models} most expensive models.
 */
@Component
class ExpensiveBurnDetector extends BaseDetector {

    static final ParamSpec SHARE = new ParamSpec("share_percent", 1, 100, 85);
    static final ParamSpec TOP = new ParamSpec("top_models", 1, 20, 2);

    /** Above so many candidates, the heavy ones are found by one streamed read of the window first. */
    private static final int STREAM_ABOVE = 10 * Candidates.CHUNK;

    private final Candidates candidates;
    private final UsageSignals usage;
    private final MoneySignals money;

    ExpensiveBurnDetector(Candidates candidates, UsageSignals usage, MoneySignals money) {
        super("expensive_burn", Source.USAGE, SHARE, TOP);
        this.candidates = candidates;
        this.usage = usage;
        this.money = money;
    }

    /**
     * The most expensive models by the price list; without one, measured on the newest 20,000 requests, at most hourly.
     */
    private List<String> expensiveModels(int top, LocalDateTime from, LocalDateTime asOf) {
        List<String> listed = usage.listedExpensiveModels(top);
        if (!listed.isEmpty()) {
            return listed;
        }
        Cached cached = this.cached;
        if (cached == null || cached.top != top || cached.at.isAfter(asOf) || cached.at.plusHours(1).isBefore(asOf)) {
            cached = new Cached(top, asOf, usage.measuredExpensiveModels(top, 20_000));
            this.cached = cached;
        }
        return cached.models;
    }

    private record Cached(int top, LocalDateTime at, List<String> models) {
    }

    private volatile Cached cached;

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        LocalDateTime from = scope.asOf().minus(rule.window());
        Set<Long> users = scope.byTime() ? null : candidates.users(source(), scope);
        if (users == null || users.size() > STREAM_ABOVE) {
            // everyone, or so many that one streamed read of the window finds the heavy ones cheapest
            users = usage.heavy(users, from, scope.asOf(), rule.threshold(), 0);
        }
        return judge(rule, users, scope.asOf());
    }

    /**
     * Over a range: the windows that end at {@code to} and step back a window at a time until they cover {@code from},
     * so that each is whole. One read of them, in time order, finds each window's heavy users; only those are asked
     * about models.
     */
    @Override
    public List<Finding> evaluateRange(Rule rule, LocalDateTime from, LocalDateTime to) {
        java.time.Duration window = rule.window();
        long windows = Math.max(1, (java.time.Duration.between(from, to).toMillis() + window.toMillis() - 1) / window.toMillis());
        LocalDateTime start = to.minus(window.multipliedBy(windows));
        List<Finding> found = new ArrayList<>();
        usage.heavyBuckets(start, to, rule.windowMinutes(), rule.threshold(), 0).forEach((asOf, users) -> found.addAll(judge(rule, users, asOf)));
        return found;
    }

    private List<Finding> judge(Rule rule, Set<Long> users, LocalDateTime asOf) {
        if (users.isEmpty()) {
            return List.of();
        }
        // only an account that never bought can burn free tokens; the purchases' range of the (kind, user_id) ledger
        // index answers that per user at once, so the weeks of buyers (30% of the 1M-user set) are never read
        Set<Long> buyers = money.buyers(users);
        List<Long> neverBought = users.stream().filter(user -> !buyers.contains(user)).toList();
        if (neverBought.isEmpty()) {
            return List.of();
        }
        LocalDateTime from = asOf.minus(rule.window());
        List<String> expensive = expensiveModels((int) rule.param(TOP), from, asOf);
        // one read of each user's window gives both the total (the heavy test) and the share
        List<Finding> found = new ArrayList<>();
        for (var share : usage.modelShares(neverBought, expensive, from, asOf)) {
            if (share.total() >= rule.threshold() && 100 * share.onExpensive() >= rule.param(SHARE) * share.total()) {
                long percent = share.total() == 0 ? 0 : 100 * share.onExpensive() / share.total();
                found.add(Finding.user(share.userId(), Episodes.week(asOf), null, Episodes.evidence(
                        "tokens", share.total(), "share_percent", percent, "models", String.join(", ", expensive))));
            }
        }
        return found;
    }
}

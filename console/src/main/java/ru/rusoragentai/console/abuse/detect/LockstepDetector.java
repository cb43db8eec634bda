package ru.rusoragentai.console.abuse.detect;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Many accounts sending requests in lock-step: at least {@code threshold} accounts, each with {@code busy_requests} or
 * more in the window, where every pair in the group sends {@code match_percent} of its requests within a second of
 * each other. One script driving several accounts looks like this; people do not. The group is one case.
 */
@Component
class LockstepDetector extends BaseDetector {

    static final ParamSpec MIN_REQUESTS = new ParamSpec("busy_requests", 2, 1_000_000, 20);
    static final ParamSpec MATCH_PERCENT = new ParamSpec("match_percent", 1, 100, 80);
    /** Busy accounts compared at most in one window: the comparison is pairwise. */
    private static final int MAX_ACCOUNTS = 500;
    private static final long TOLERANCE_MS = 1_000;

    private final Candidates candidates;
    private final UsageSignals usage;

    LockstepDetector(Candidates candidates, UsageSignals usage) {
        super("lockstep", Source.USAGE, MIN_REQUESTS, MATCH_PERCENT);
        this.candidates = candidates;
        this.usage = usage;
    }

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        LocalDateTime from = scope.asOf().minus(rule.window());
        Set<Long> touched = scope.byTime() ? null : candidates.users(source(), scope);
        if (touched != null && touched.isEmpty()) {
            return List.of();
        }
        if (touched != null && touched.size() <= 10 * Candidates.CHUNK
                && usage.heavy(touched, from, scope.asOf(), 0, rule.param(MIN_REQUESTS)).isEmpty()) {
            // no account with new rows is busy, so no group can have changed (for many accounts this reads the window
            // once, which the run's other hourly rules share; for a few, a look-up per account)
            return List.of();
        }
        // everyone busy in the window is compared, since a group may include accounts with no new rows
        Set<Long> busy = usage.heavy(null, from, scope.asOf(), 0, rule.param(MIN_REQUESTS));
        if (touched != null && busy.stream().noneMatch(touched::contains)) {
            return List.of();
        }
        return compare(rule, busy, from, scope.asOf());
    }

    /** One pass finds the windows with enough busy accounts; only those are compared. */
    @Override
    public List<Finding> evaluateRange(Rule rule, LocalDateTime from, LocalDateTime to) {
        List<Finding> found = new ArrayList<>();
        long windowMillis = rule.window().toMillis();
        usage.heavyBuckets(from, to, rule.windowMinutes(), 0, rule.param(MIN_REQUESTS)).forEach((asOf, busy) -> {
            LocalDateTime windowFrom = asOf.minus(rule.window());
            // a bucket cut short by the end of the range is not a whole window: that window is read for itself
            boolean whole = java.time.Duration.between(from, asOf).toMillis() % windowMillis == 0;
            if (busy.size() >= rule.threshold() || !whole) {
                found.addAll(compare(rule, whole ? busy : usage.heavy(null, windowFrom, asOf, 0, rule.param(MIN_REQUESTS)), windowFrom, asOf));
            }
        });
        return found;
    }

    /** Compares the busy accounts of the window pairwise and groups those that move together. */
    private List<Finding> compare(Rule rule, Set<Long> busy, LocalDateTime from, LocalDateTime asOf) {
        if (busy.size() < rule.threshold()) {
            return List.of();
        }
        List<Long> users = new ArrayList<>(busy).subList(0, Math.min(busy.size(), MAX_ACCOUNTS));
        Map<Long, long[]> times = usage.requestTimes(users, from, asOf);
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, Integer> bestMatch = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            for (int j = i + 1; j < users.size(); j++) {
                long[] a = times.getOrDefault(users.get(i), new long[0]);
                long[] b = times.getOrDefault(users.get(j), new long[0]);
                int percent = matchPercent(a, b);
                if (percent >= rule.param(MATCH_PERCENT)) {
                    union(parent, users.get(i), users.get(j));
                    bestMatch.merge(users.get(i), percent, Math::max);
                    bestMatch.merge(users.get(j), percent, Math::max);
                }
            }
        }
        Map<Long, Set<Long>> groups = new TreeMap<>();
        for (long user : bestMatch.keySet()) {
            groups.computeIfAbsent(root(parent, user), r -> new TreeSet<>()).add(user);
        }
        List<Finding> found = new ArrayList<>();
        for (Set<Long> group : groups.values()) {
            if (group.size() < rule.threshold()) {
                continue;
            }
            List<Long> members = List.copyOf(group);
            String key = "lockstep:" + members.getFirst() + ":" + Episodes.day(asOf);
            for (long user : members) {
                found.add(Finding.user(user, key, key, Episodes.evidence("accounts", members.size(),
                        "requests", times.getOrDefault(user, new long[0]).length, "match_percent", bestMatch.get(user),
                        "linked", Episodes.listed(members))));
            }
        }
        return found;
    }

    /** The share of the smaller side's requests that have a request of the other side within a second. */
    static int matchPercent(long[] a, long[] b) {
        long[] small = a.length <= b.length ? a : b;
        long[] large = small == a ? b : a;
        if (small.length == 0) {
            return 0;
        }
        int matched = 0;
        int k = 0;
        for (long t : small) {
            while (k < large.length && large[k] < t - TOLERANCE_MS) {
                k++;
            }
            if (k < large.length && large[k] <= t + TOLERANCE_MS) {
                matched++;
            }
        }
        return (int) (100L * matched / small.length);
    }

    private static long root(Map<Long, Long> parent, long user) {
        long r = user;
        while (parent.containsKey(r) && parent.get(r).longValue() != r) {
            r = parent.get(r);
        }
        return r;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        long ra = root(parent, a);
        long rb = root(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
        parent.putIfAbsent(Math.min(ra, rb), Math.min(ra, rb));
    }
}

package ru.rusoragentai.console.abuse.detect;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Several accounts sharing an IP address, a network (/24, /64) or a device within the window. One flag per account and
 * shared key; the accounts of one key form one case. A network or device whose accounts are exactly those of a shared
 * address adds nothing and is not raised again.
 */
@Component
class MultiAccountDetector extends BaseDetector {

    static final ParamSpec NETWORK_ACCOUNTS = new ParamSpec("network_accounts", 2, 100_000, 10);
    static final ParamSpec DEVICE_ACCOUNTS = new ParamSpec("device_accounts", 2, 100_000, 6);

    private final Candidates candidates;
    private final SessionSignals sessions;

    MultiAccountDetector(Candidates candidates, SessionSignals sessions) {
        super("multi_account", Source.SESSIONS, NETWORK_ACCOUNTS, DEVICE_ACCOUNTS);
        this.candidates = candidates;
        this.sessions = sessions;
    }

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        // over a range everyone active in the window is a candidate: every key of the window is grouped in one read
        Set<Long> users = scope.byTime() ? null : candidates.users(source(), scope);
        if (users != null && users.isEmpty()) {
            return List.of();
        }
        LocalDateTime from = scope.asOf().minus(rule.window());
        return findings(sessions.sharedKeys("ip", users, from, scope.asOf(), rule.threshold()),
                sessions.sharedKeys("net", users, from, scope.asOf(), rule.param(NETWORK_ACCOUNTS)),
                sessions.sharedKeys("device_fp", users, from, scope.asOf(), rule.param(DEVICE_ACCOUNTS)));
    }

    /** A past range: every window's sessions are read once, in time order, and grouped in memory. */
    @Override
    public List<Finding> evaluateRange(Rule rule, LocalDateTime from, LocalDateTime to) {
        List<Finding> found = new ArrayList<>();
        sessions.sharedKeysByWindow(RangeSteps.of(rule, from, to), rule.window(),
                Map.of("ip", rule.threshold(), "net", rule.param(NETWORK_ACCOUNTS), "device_fp", rule.param(DEVICE_ACCOUNTS)),
                (asOf, keys) -> found.addAll(findings(keys.get("ip"), keys.get("net"), keys.get("device_fp"))));
        return found;
    }

    /** A network or device whose accounts are exactly those of a key found before it adds nothing. */
    private static List<Finding> findings(List<SessionSignals.SharedKey> byIp, List<SessionSignals.SharedKey> byNet,
                                          List<SessionSignals.SharedKey> byDevice) {
        List<SessionSignals.SharedKey> keys = new ArrayList<>(byIp);
        Set<List<Long>> rings = new HashSet<>();
        keys.forEach(k -> rings.add(k.users()));
        for (var key : byNet) {
            if (rings.add(key.users())) {
                keys.add(key);
            }
        }
        for (var key : byDevice) {
            if (rings.add(key.users())) {
                keys.add(key);
            }
        }
        List<Finding> found = new ArrayList<>();
        for (var key : keys) {
            String episode = key.kind() + ":" + key.hex();
            String shown = switch (key.kind()) {
                case "ip" -> Episodes.ip(key.key());
                case "net" -> Episodes.network(key.key());
                default -> key.device() + " @ " + Episodes.ip(key.sampleIp());
            };
            for (long user : key.users()) {
                found.add(Finding.user(user, episode, episode, Episodes.evidence("shared", key.kind(), "value", shown,
                        "accounts", key.users().size(), "sessions", key.sessions(), "linked", Episodes.listed(key.users()))));
            }
        }
        return found;
    }
}

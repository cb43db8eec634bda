package ru.rusoragentai.console.abuse.detect;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** One account active from many networks (threshold) or countries ({@code countries}) within a short window. */
@Component
class SharedAccountDetector extends BaseDetector {

    static final ParamSpec COUNTRIES = new ParamSpec("countries", 2, 100, 3);

    private final Candidates candidates;
    private final SessionSignals sessions;

    SharedAccountDetector(Candidates candidates, SessionSignals sessions) {
        super("shared_account", Source.SESSIONS, COUNTRIES);
        this.candidates = candidates;
        this.sessions = sessions;
    }

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        Set<Long> users = candidates.users(source(), scope);
        if (users.isEmpty()) {
            return List.of();
        }
        return judge(rule, sessions.sessions(users, scope.asOf().minus(rule.window()), scope.asOf()), scope.asOf());
    }

    /** A range in one read of its sessions, window by window (each window's end as {@link RangeSteps} places it). */
    @Override
    public List<Finding> evaluateRange(Rule rule, LocalDateTime from, LocalDateTime to) {
        List<Finding> found = new ArrayList<>();
        sessions.sessionsByWindow(RangeSteps.of(rule, from, to), rule.window(), (end, window) -> found.addAll(judge(rule, window, end)));
        return found;
    }

    /** Each user's networks and countries among the window's sessions. */
    private List<Finding> judge(Rule rule, List<SessionSignals.SessionRow> window, LocalDateTime asOf) {
        Map<Long, Set<String>> networks = new LinkedHashMap<>();
        Map<Long, Set<String>> countries = new LinkedHashMap<>();
        for (var s : window) {
            networks.computeIfAbsent(s.userId(), u -> new TreeSet<>()).add(s.net() == null ? "?" : HexFormat.of().formatHex(s.net()));
            if (s.country() != null) {
                countries.computeIfAbsent(s.userId(), u -> new TreeSet<>()).add(s.country());
            }
        }
        List<Finding> found = new ArrayList<>();
        for (var entry : networks.entrySet()) {
            int nets = entry.getValue().size();
            Set<String> seenIn = countries.getOrDefault(entry.getKey(), Set.of());
            if (nets >= rule.threshold() || seenIn.size() >= rule.param(COUNTRIES)) {
                found.add(Finding.user(entry.getKey(), Episodes.day(asOf), null,
                        Episodes.evidence("networks", nets, "countries", String.join(", ", seenIn))));
            }
        }
        return found;
    }
}

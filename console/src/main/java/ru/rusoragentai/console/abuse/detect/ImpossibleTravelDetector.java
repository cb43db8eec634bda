package ru.rusoragentai.console.abuse.detect;

import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Consecutive sessions of one account from places further apart than anyone could travel in the time between them
 * (threshold: km/h). Places closer than {@code min_km} are never judged: region-level positions are too coarse.
 */
@Component
class ImpossibleTravelDetector extends BaseDetector {

    static final ParamSpec MIN_KM = new ParamSpec("min_km", 0, 20_000, 500);

    private final Candidates candidates;
    private final SessionSignals sessions;

    ImpossibleTravelDetector(Candidates candidates, SessionSignals sessions) {
        super("impossible_travel", Source.SESSIONS, MIN_KM);
        this.candidates = candidates;
        this.sessions = sessions;
    }

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        Set<Long> users = candidates.users(source(), scope);
        if (users.isEmpty()) {
            return List.of();
        }
        return judge(rule, sessions.sessions(users, scope.asOf().minus(rule.window()), scope.asOf()));
    }

    /** A range in one read of its sessions, window by window (each window's end as {@link RangeSteps} places it). */
    @Override
    public List<Finding> evaluateRange(Rule rule, LocalDateTime from, LocalDateTime to) {
        List<Finding> found = new ArrayList<>();
        sessions.sessionsByWindow(RangeSteps.of(rule, from, to), rule.window(), (end, window) -> {
            List<SessionSignals.SessionRow> ordered = new ArrayList<>(window);
            ordered.sort(BY_USER_AND_TIME);
            found.addAll(judge(rule, ordered));
        });
        return found;
    }

    private static final Comparator<SessionSignals.SessionRow> BY_USER_AND_TIME = Comparator
            .comparingLong(SessionSignals.SessionRow::userId).thenComparing(SessionSignals.SessionRow::startedAt)
            .thenComparingLong(SessionSignals.SessionRow::id);

    /** Consecutive sessions of one user, ordered by user and time: the first journey too fast for each user. */
    private List<Finding> judge(Rule rule, List<SessionSignals.SessionRow> ordered) {
        List<Finding> found = new ArrayList<>();
        Set<Long> flagged = new java.util.HashSet<>();
        SessionSignals.SessionRow previous = null;
        for (var session : ordered) {
            if (previous != null && previous.userId() == session.userId() && !flagged.contains(session.userId())) {
                Finding finding = judge(rule, previous, session);
                if (finding != null) {
                    flagged.add(session.userId());
                    found.add(finding);
                }
            }
            previous = session;
        }
        return found;
    }

    private @Nullable Finding judge(Rule rule, SessionSignals.SessionRow a, SessionSignals.SessionRow b) {
        double[] from = Places.position(a.country(), a.region());
        double[] to = Places.position(b.country(), b.region());
        if (from == null || to == null) {
            return null;
        }
        double km = Places.kilometres(from, to);
        if (km < rule.param(MIN_KM)) {
            return null;
        }
        LocalDateTime left = a.endedAt() != null && a.endedAt().isBefore(b.startedAt()) ? a.endedAt() : a.startedAt();
        double hours = Math.max(Duration.between(left, b.startedAt()).toSeconds(), 1) / 3600.0;
        long speed = Math.round(km / hours);
        if (speed < rule.threshold()) {
            return null;
        }
        return Finding.user(a.userId(), Episodes.day(b.startedAt()), null, Episodes.evidence(
                "from", place(a), "to", place(b), "km", Math.round(km), "minutes", Math.round(hours * 60), "speed", speed,
                "from_ip", Episodes.ip(a.ip()), "to_ip", Episodes.ip(b.ip())));
    }

    private static String place(SessionSignals.SessionRow s) {
        return s.region() == null ? s.country() : s.country() + ", " + s.region();
    }
}

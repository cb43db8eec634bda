package ru.rusoragentai.console.abuse.detect;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Many new accounts signing in from one network within a short window: a sign-up cap per network, made visible. */
@Component
class SignupBurstDetector extends BaseDetector {

    private final Candidates candidates;
    private final SessionSignals sessions;

    SignupBurstDetector(Candidates candidates, SessionSignals sessions) {
        super("signup_burst", Source.SESSIONS);
        this.candidates = candidates;
        this.sessions = sessions;
    }

    @Override
    public List<Finding> evaluate(Rule rule, Scope scope) {
        // over a range everyone active is a candidate: the networks are found in one read, not asked about per user
        Set<Long> users = scope.byTime() ? null : candidates.users(source(), scope);
        if (users != null && users.isEmpty()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        for (var burst : sessions.bursts(users, scope.activeFrom(), scope.asOf().minus(rule.window()), scope.asOf(), rule.threshold())) {
            String group = "net:" + HexFormat.of().formatHex(burst.net()) + ":" + Episodes.week(burst.first());
            for (long user : burst.users()) {
                found.add(Finding.user(user, group, group, Episodes.evidence("value", Episodes.network(burst.net()),
                        "accounts", burst.users().size(), "first", burst.first().toString(), "last", burst.last().toString(),
                        "linked", Episodes.listed(burst.users()))));
            }
        }
        return found;
    }
}

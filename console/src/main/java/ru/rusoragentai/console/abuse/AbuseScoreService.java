package ru.rusoragentai.console.abuse;

import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.users.UserRiskScores;

/** Each user's risk score with its breakdown, for the queue, the user page header and search results. */
@Service
@Transactional(readOnly = true)
public class AbuseScoreService implements UserRiskScores {

    private final ScoreRepository scores;

    AbuseScoreService(ScoreRepository scores) {
        this.scores = scores;
    }

    @Override
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER})
    public Map<Long, Risk> scores(Collection<Long> userIds) {
        Map<Long, Risk> risks = new HashMap<>();
        scores.scores(userIds).forEach((user, score) -> risks.put(user, new Risk(score.score(), score.breakdown())));
        return risks;
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER})
    public RiskScore score(long userId) {
        return scores.scores(java.util.List.of(userId)).getOrDefault(userId, RiskScore.NONE);
    }
}

package ru.rusoragentai.console.users;

import java.util.Collection;
import java.util.Map;

/**
 * Risk scores another capability keeps for users (abuse monitoring implements it): the user page and search results
 * show them, users never computes them. Users without a score are absent from the answer.
 */
public interface UserRiskScores {

    /** A score and the points each rule code contributes to it. */
    record Risk(int score, Map<String, Long> breakdown) {
    }

    Map<Long, Risk> scores(Collection<Long> userIds);
}

package ru.rusoragentai.console.abuse;

import static ru.rusoragentai.db.Tables.ABUSE_SCORE;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Each user's risk score: the weights of their open and confirmed live flags, halving with the age of their evidence. */
@Repository
class ScoreRepository {

    private final DSLContext dsl;

    ScoreRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Recomputes the scores of the given users; a user with no counting flag loses their row. */
    void refresh(Collection<Long> users, LocalDateTime now, int halfLifeDays) {
        List<Long> all = new ArrayList<>(users);
        for (int i = 0; i < all.size(); i += 1000) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 1000));
            Map<Long, Map<String, Long>> points = new HashMap<>();
            dsl.resultQuery("""
                    SELECT f.user_id, f.rule_code,
                           ROUND(SUM(r.weight * POW(0.5, TIMESTAMPDIFF(SECOND, COALESCE(f.updated_at, f.created_at), {1}) / 86400 / {2})))
                    FROM abuse_flag f JOIN abuse_rule r ON r.code = f.rule_code
                    WHERE f.user_id IN ({0}) AND f.shadow = FALSE AND f.status IN ('new', 'in_review', 'confirmed')
                    GROUP BY f.user_id, f.rule_code""", DSL.list(chunk.stream().map(DSL::inline).toList()), DSL.val(now), DSL.inline(halfLifeDays))
                    .forEach(r -> points.computeIfAbsent(r.get(0, Long.class), u -> new LinkedHashMap<>()).put(r.get(1, String.class), r.get(2, Long.class)));
            dsl.deleteFrom(ABUSE_SCORE).where(ABUSE_SCORE.USER_ID.in(chunk).and(ABUSE_SCORE.USER_ID.notIn(points.keySet()))).execute();
            List<org.jooq.Query> upserts = new ArrayList<>();
            for (var entry : points.entrySet()) {
                int score = (int) Math.min(Integer.MAX_VALUE, entry.getValue().values().stream().mapToLong(Long::longValue).sum());
                String breakdown = Evidence.toJson(new LinkedHashMap<>(entry.getValue()));
                upserts.add(dsl.insertInto(ABUSE_SCORE).set(ABUSE_SCORE.USER_ID, entry.getKey()).set(ABUSE_SCORE.SCORE, score)
                        .set(ABUSE_SCORE.BREAKDOWN, breakdown).set(ABUSE_SCORE.UPDATED_AT, now)
                        .onDuplicateKeyUpdate().set(ABUSE_SCORE.SCORE, score).set(ABUSE_SCORE.BREAKDOWN, breakdown)
                        .set(ABUSE_SCORE.UPDATED_AT, now));
            }
            // one round trip per chunk: a re-evaluation that raises thousands of flags scored a user per statement
            if (!upserts.isEmpty()) {
                dsl.batch(upserts).execute();
            }
            dsl.execute("""
                    UPDATE abuse_flag f SET f.score = COALESCE((SELECT s.score FROM abuse_score s WHERE s.user_id = f.user_id), 0)
                    WHERE f.user_id IN ({0})""", DSL.list(chunk.stream().map(DSL::inline).toList()));
        }
    }

    /** Users whose score exists or who have a counting flag: the daily decay pass covers them. */
    List<Long> scoredUsers() {
        return dsl.resultQuery("""
                SELECT user_id FROM abuse_score UNION SELECT DISTINCT user_id FROM abuse_flag
                WHERE user_id IS NOT NULL AND shadow = FALSE AND status IN ('new', 'in_review', 'confirmed')""").fetch(0, Long.class);
    }

    Map<Long, RiskScore> scores(Collection<Long> users) {
        Map<Long, RiskScore> scores = new HashMap<>();
        if (users.isEmpty()) {
            return scores;
        }
        dsl.selectFrom(ABUSE_SCORE).where(ABUSE_SCORE.USER_ID.in(users))
                .forEach(r -> scores.put(r.getUserId(), new RiskScore(r.getScore(), breakdown(r.getBreakdown()))));
        return scores;
    }

    private static Map<String, Long> breakdown(String json) {
        Map<String, Long> map = new LinkedHashMap<>();
        Evidence.fromJson(json).forEach((rule, points) -> map.put(rule, ((Number) points).longValue()));
        return map;
    }
}

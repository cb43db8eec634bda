package ru.rusoragentai.console.analytics;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.console.usage.AnalysedUsers;

/**
 * The heaviest users of a range, by tokens charged (from the per-user daily roll-up, {@code usage_daily}) or by tokens
 * bought (from payments), over the users whose data may be analysed. Hands out user ids only: the service turns them
 * into pseudonyms before anything leaves it.
 */
@Repository
class TopUsersRepository {

    /** One user's figures in the range. */
    record UserTotals(long userId, long requests, long tokensCharged, long activeDays, long purchases, long tokensBought) {
    }

    private static final String ANALYSED = AnalysedUsers.CONDITION;

    private final DSLContext dsl;

    TopUsersRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<UserTotals> top(LocalDate from, LocalDate until, boolean bySpend, int limit) {
        String usage = "SELECT d.user_id, SUM(d.events) requests, SUM(d.tokens_charged) charged, COUNT(DISTINCT d.day) days"
                + " FROM usage_daily d WHERE d.day >= {0} AND d.day < {1} GROUP BY d.user_id";
        String bought = "SELECT p.user_id, COUNT(*) purchases, SUM(p.tokens) tokens FROM payment p"
                + " WHERE p.paid_at >= {2} AND p.paid_at < {3} AND p.user_id IS NOT NULL GROUP BY p.user_id";
        String sql = bySpend
                ? "SELECT b.user_id, COALESCE(g.requests, 0), COALESCE(g.charged, 0), COALESCE(g.days, 0), b.purchases, b.tokens"
                        + " FROM (" + bought + ") b JOIN app_user u ON u.id = b.user_id AND " + ANALYSED
                        + " LEFT JOIN (" + usage + ") g ON g.user_id = b.user_id ORDER BY b.tokens DESC, b.user_id LIMIT {4}"
                : "SELECT g.user_id, g.requests, g.charged, g.days, COALESCE(b.purchases, 0), COALESCE(b.tokens, 0)"
                        + " FROM (" + usage + ") g JOIN app_user u ON u.id = g.user_id AND " + ANALYSED
                        + " LEFT JOIN (" + bought + ") b ON b.user_id = g.user_id ORDER BY g.charged DESC, g.user_id LIMIT {4}";
        return dsl.resultQuery(sql, DSL.val(from), DSL.val(until), DSL.val(from.atStartOfDay()), DSL.val(until.atStartOfDay()),
                        DSL.inline(limit))
                .fetch(r -> new UserTotals(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, Long.class),
                        r.get(4, Long.class), r.get(5, Long.class)));
    }
}

package ru.rusoragentai.console.usage;

import static ru.rusoragentai.db.Tables.REPORT_COHORT_REVENUE_DAY;
import static ru.rusoragentai.db.Tables.REPORT_USER_DAY;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Repository;

/**
 * The analysts' cohort roll-ups: per day, the users who signed up, were active and paid ({@code report_user_day}), and
 * net revenue per payer's sign-up day and currency ({@code report_cohort_revenue_day}), over the users whose data may be
 * analysed.
 */
@Repository
class CohortRollupRepository {

    private static final String ANALYSED = AnalysedUsers.CONDITION;

    private final DSLContext dsl;

    CohortRollupRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Replaces one day's rows; {@code active} is who had usage that day (the usage roll-up's pass found them). */
    int rebuild(LocalDate day, RoaringBitmap active) {
        LocalDateTime from = day.atStartOfDay();
        LocalDateTime until = from.plusDays(1);
        RoaringBitmap signedUp = new RoaringBitmap();
        dsl.resultQuery("SELECT u.id FROM app_user u WHERE u.created_at >= {0} AND u.created_at < {1} AND " + ANALYSED,
                DSL.val(from), DSL.val(until)).fetchSize(10_000)
                .forEach(r -> signedUp.add(Bitmaps.id(((Number) r.get(0)).longValue())));
        RoaringBitmap paying = new RoaringBitmap();
        dsl.resultQuery("SELECT DISTINCT p.user_id FROM payment p JOIN app_user u ON u.id = p.user_id AND " + ANALYSED
                + " WHERE p.paid_at >= {0} AND p.paid_at < {1}", DSL.val(from), DSL.val(until))
                .forEach(r -> paying.add(Bitmaps.id(((Number) r.get(0)).longValue())));
        dsl.deleteFrom(REPORT_USER_DAY).where(REPORT_USER_DAY.DAY.eq(day)).execute();
        dsl.insertInto(REPORT_USER_DAY, REPORT_USER_DAY.DAY, REPORT_USER_DAY.SIGNED_UP, REPORT_USER_DAY.ACTIVE, REPORT_USER_DAY.PAYING)
                .values(day, Bitmaps.bytes(signedUp), Bitmaps.bytes(active), Bitmaps.bytes(paying)).execute();
        dsl.deleteFrom(REPORT_COHORT_REVENUE_DAY).where(REPORT_COHORT_REVENUE_DAY.DAY.eq(day)).execute();
        return 1 + dsl.execute("""
                INSERT INTO report_cohort_revenue_day (day, signup_day, currency, net_minor)
                SELECT {0}, signup_day, currency, SUM(amount) FROM (
                    SELECT DATE(u.created_at) signup_day, p.currency, p.amount_minor amount
                    FROM payment p JOIN app_user u ON u.id = p.user_id AND""" + " " + ANALYSED + """
                    WHERE p.paid_at >= {1} AND p.paid_at < {2}
                    UNION ALL
                    SELECT DATE(u.created_at), p.currency, -p.amount_minor
                    FROM payment p JOIN app_user u ON u.id = p.user_id AND""" + " " + ANALYSED + """
                    WHERE p.status IN ('refunded', 'charged_back') AND p.updated_at >= {1} AND p.updated_at < {2}
                ) t GROUP BY signup_day, currency""", DSL.val(day), DSL.val(from), DSL.val(until));
    }
}

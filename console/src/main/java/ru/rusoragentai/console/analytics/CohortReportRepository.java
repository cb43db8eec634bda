package ru.rusoragentai.console.analytics;

import static ru.rusoragentai.db.Tables.REPORT_COHORT_REVENUE_DAY;
import static ru.rusoragentai.db.Tables.REPORT_USER_DAY;

import java.time.LocalDate;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Reads the analysts' cohort roll-ups ({@code report_user_day}, {@code report_cohort_revenue_day}). */
@Repository
class CohortReportRepository {

    /** One day's users who signed up, were active and paid, as serialized bitmaps of user ids. */
    record UserDay(LocalDate day, byte[] signedUp, byte[] active, byte[] paying) {
    }

    /** Net revenue of one day from the users who signed up on one day, in one currency. */
    record RevenueRow(LocalDate day, LocalDate signupDay, String currency, long netMinor) {
    }

    private final DSLContext dsl;

    CohortReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void userDays(LocalDate from, LocalDate until, Consumer<UserDay> sink) {
        dsl.selectFrom(REPORT_USER_DAY).where(REPORT_USER_DAY.DAY.ge(from), REPORT_USER_DAY.DAY.lt(until)).fetchSize(100)
                .forEach(r -> sink.accept(new UserDay(r.getDay(), r.getSignedUp(), r.getActive(), r.getPaying())));
    }

    /** Revenue of the range's days, whenever the payers signed up. */
    void revenue(LocalDate from, LocalDate until, Consumer<RevenueRow> sink) {
        dsl.selectFrom(REPORT_COHORT_REVENUE_DAY)
                .where(REPORT_COHORT_REVENUE_DAY.DAY.ge(from), REPORT_COHORT_REVENUE_DAY.DAY.lt(until))
                .forEach(r -> sink.accept(new RevenueRow(r.getDay(), r.getSignupDay(), r.getCurrency(), r.getNetMinor())));
    }
}

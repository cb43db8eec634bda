package ru.rusoragentai.console.analytics;

import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class UsageReportRepository {

    private final DSLContext dsl;

    UsageReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Usage per day and model from the daily roll-up, leaving out users who restricted processing (Art. 18) or
     * objected to it (Art. 21), and deleted accounts.
     */
    List<UsageReportRow> byDayAndModel(LocalDate from, LocalDate until) {
        return dsl.select(USAGE_DAILY.DAY, USAGE_DAILY.PROVIDER, USAGE_DAILY.MODEL, DSL.countDistinct(USAGE_DAILY.USER_ID),
                        DSL.sum(USAGE_DAILY.EVENTS), DSL.sum(USAGE_DAILY.INPUT_TOKENS), DSL.sum(USAGE_DAILY.OUTPUT_TOKENS),
                        DSL.sum(USAGE_DAILY.TOKENS_CHARGED))
                .from(USAGE_DAILY).join(APP_USER).on(APP_USER.ID.eq(USAGE_DAILY.USER_ID))
                .where(USAGE_DAILY.DAY.ge(from), USAGE_DAILY.DAY.lt(until),
                        APP_USER.PROCESSING_RESTRICTED.isFalse(), APP_USER.PROCESSING_OBJECTED.isFalse(),
                        APP_USER.STATUS.ne("deleted"))
                .groupBy(USAGE_DAILY.DAY, USAGE_DAILY.PROVIDER, USAGE_DAILY.MODEL)
                .orderBy(USAGE_DAILY.DAY, USAGE_DAILY.PROVIDER, USAGE_DAILY.MODEL)
                .fetch(r -> new UsageReportRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().longValue(),
                        r.value6().longValue(), r.value7().longValue(), r.value8().longValue()));
    }
}

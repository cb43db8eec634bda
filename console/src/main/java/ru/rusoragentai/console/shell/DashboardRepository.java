package ru.rusoragentai.console.shell;

import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

@Repository
class DashboardRepository {

    private final DSLContext dsl;

    DashboardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long users() {
        return dsl.fetchCount(APP_USER, APP_USER.STATUS.ne("deleted"));
    }

    long activeUsersSince(LocalDateTime since) {
        return dsl.fetchCount(APP_USER, APP_USER.LAST_SEEN_AT.ge(since).and(APP_USER.STATUS.ne("deleted")));
    }

    long tokensChargedBetween(LocalDateTime from, LocalDateTime to) {
        return dsl.select(DSL.coalesce(DSL.sum(USAGE_EVENT.TOKENS_CHARGED), DSL.inline(0).cast(SQLDataType.DECIMAL)))
                .from(USAGE_EVENT)
                .where(USAGE_EVENT.OCCURRED_AT.ge(from).and(USAGE_EVENT.OCCURRED_AT.lt(to)))
                .fetchSingle().value1().longValue();
    }

    long paymentsSince(LocalDateTime since) {
        return dsl.fetchCount(PAYMENT, PAYMENT.PAID_AT.ge(since));
    }

    List<DashboardFigures.Revenue> revenueSince(LocalDateTime since) {
        return dsl.select(PAYMENT.CURRENCY, DSL.sum(PAYMENT.AMOUNT_MINOR))
                .from(PAYMENT)
                .where(PAYMENT.PAID_AT.ge(since).and(PAYMENT.STATUS.eq("succeeded")))
                .groupBy(PAYMENT.CURRENCY)
                .orderBy(PAYMENT.CURRENCY)
                .fetch(r -> new DashboardFigures.Revenue(r.value1(), r.value2().longValue()));
    }
}

package ru.rusoragentai.console.analytics;

import static ru.rusoragentai.db.Tables.REPORT_LEDGER_DAY;
import static ru.rusoragentai.db.Tables.REPORT_REVENUE_DAY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Reads the analysts' money and token roll-ups ({@code report_revenue_day}, {@code report_ledger_day}). */
@Repository
class MoneyReportRepository {

    /** One revenue roll-up row. */
    record RevenueRow(LocalDate day, String channel, String product, String currency, int purchases, int firstPurchases,
                      long grossMinor, long tokensSold, int refunds, long refundedMinor, int chargebacks, long chargedBackMinor) {
    }

    /** One ledger roll-up row. */
    record LedgerRow(LocalDate day, String kind, long credited, long debited) {
    }

    private final DSLContext dsl;

    MoneyReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void revenue(LocalDate from, LocalDate until, @Nullable String channel, @Nullable String product, Consumer<RevenueRow> sink) {
        List<Condition> where = new ArrayList<>(List.of(REPORT_REVENUE_DAY.DAY.ge(from), REPORT_REVENUE_DAY.DAY.lt(until)));
        if (channel != null) {
            where.add(REPORT_REVENUE_DAY.CHANNEL.eq(channel));
        }
        if (product != null) {
            where.add(REPORT_REVENUE_DAY.PRODUCT.eq(product));
        }
        dsl.selectFrom(REPORT_REVENUE_DAY).where(where).forEach(r -> sink.accept(new RevenueRow(r.getDay(), r.getChannel(),
                r.getProduct(), r.getCurrency(), r.getPurchases(), r.getFirstPurchases(), r.getGrossMinor(), r.getTokensSold(),
                r.getRefunds(), r.getRefundedMinor(), r.getChargebacks(), r.getChargedBackMinor())));
    }

    /** Channels and token packs that the range holds, for the filters. */
    List<List<String>> revenueChoices(LocalDate from, LocalDate until) {
        Condition range = REPORT_REVENUE_DAY.DAY.ge(from).and(REPORT_REVENUE_DAY.DAY.lt(until));
        return List.of(dsl.selectDistinct(REPORT_REVENUE_DAY.CHANNEL).from(REPORT_REVENUE_DAY).where(range)
                        .orderBy(REPORT_REVENUE_DAY.CHANNEL).fetch(REPORT_REVENUE_DAY.CHANNEL),
                dsl.selectDistinct(REPORT_REVENUE_DAY.PRODUCT).from(REPORT_REVENUE_DAY).where(range)
                        .orderBy(REPORT_REVENUE_DAY.PRODUCT).fetch(REPORT_REVENUE_DAY.PRODUCT));
    }

    void ledger(LocalDate from, LocalDate until, Consumer<LedgerRow> sink) {
        dsl.selectFrom(REPORT_LEDGER_DAY).where(REPORT_LEDGER_DAY.DAY.ge(from), REPORT_LEDGER_DAY.DAY.lt(until))
                .forEach(r -> sink.accept(new LedgerRow(r.getDay(), r.getKind(), r.getCredited(), r.getDebited())));
    }

    /** Tokens outstanding at the start of a day: every credit minus every debit before it. */
    long outstandingBefore(LocalDate day) {
        var sum = dsl.select(DSL.sum(REPORT_LEDGER_DAY.CREDITED.minus(REPORT_LEDGER_DAY.DEBITED))).from(REPORT_LEDGER_DAY)
                .where(REPORT_LEDGER_DAY.DAY.lt(day)).fetchSingle().value1();
        return sum == null ? 0 : sum.longValue();
    }
}

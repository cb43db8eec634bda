package ru.rusoragentai.console.analytics;

import static ru.rusoragentai.db.Tables.MODEL_CATALOGUE;
import static ru.rusoragentai.db.Tables.RECONCILIATION_DIFF;
import static ru.rusoragentai.db.Tables.REPORT_USAGE_DAY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * What the margin report reads: the analysts' usage roll-up per day, provider and model, the providers' list prices
 * (the last catalogue each reported) and their reconciled costs per day and model.
 */
@Repository
class MarginReportRepository {

    /** Usage of one day, provider and model. */
    record UsageRow(LocalDate day, String provider, String model, long inputTokens, long outputTokens, long tokensCharged) {
    }

    /** A provider's list price per million tokens. */
    record ListPrice(@Nullable BigDecimal input, @Nullable BigDecimal output) {
    }

    /** A provider's reported cost of one day and model, and the tokens we counted for it then. */
    record Reconciled(BigDecimal cost, long ourTokens) {
    }

    /** Where a day's provider and model meet the other tables. */
    record DayModel(LocalDate day, String provider, String model) {
    }

    private final DSLContext dsl;

    MarginReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void usage(LocalDate from, LocalDate until, @Nullable String provider, @Nullable String model, Consumer<UsageRow> sink) {
        List<Condition> where = new ArrayList<>(List.of(REPORT_USAGE_DAY.DAY.ge(from), REPORT_USAGE_DAY.DAY.lt(until)));
        if (provider != null) {
            where.add(REPORT_USAGE_DAY.PROVIDER.eq(provider));
        }
        if (model != null) {
            where.add(REPORT_USAGE_DAY.MODEL.eq(model));
        }
        dsl.select(REPORT_USAGE_DAY.DAY, REPORT_USAGE_DAY.PROVIDER, REPORT_USAGE_DAY.MODEL, DSL.sum(REPORT_USAGE_DAY.INPUT_TOKENS),
                        DSL.sum(REPORT_USAGE_DAY.OUTPUT_TOKENS), DSL.sum(REPORT_USAGE_DAY.TOKENS_CHARGED))
                .from(REPORT_USAGE_DAY).where(where)
                .groupBy(REPORT_USAGE_DAY.DAY, REPORT_USAGE_DAY.PROVIDER, REPORT_USAGE_DAY.MODEL)
                .forEach(r -> sink.accept(new UsageRow(r.value1(), r.value2(), r.value3(), r.value4().longValue(),
                        r.value5().longValue(), r.value6().longValue())));
    }

    /** List prices by "provider/model". */
    Map<String, ListPrice> listPrices() {
        Map<String, ListPrice> prices = new HashMap<>();
        dsl.selectFrom(MODEL_CATALOGUE).forEach(r -> prices.put(r.getProvider() + "/" + r.getModel(),
                new ListPrice(r.getUsdPerMillionInput(), r.getUsdPerMillionOutput())));
        return prices;
    }

    /** Reported costs over a range. */
    Map<DayModel, Reconciled> reconciled(LocalDate from, LocalDate until) {
        Map<DayModel, Reconciled> costs = new HashMap<>();
        dsl.selectFrom(RECONCILIATION_DIFF)
                .where(RECONCILIATION_DIFF.DAY.ge(from), RECONCILIATION_DIFF.DAY.lt(until), RECONCILIATION_DIFF.PROVIDER_COST.isNotNull())
                .forEach(r -> costs.put(new DayModel(r.getDay(), r.getProvider(), r.getModel()),
                        new Reconciled(r.getProviderCost(), r.getOurInput() + r.getOurOutput())));
        return costs;
    }
}

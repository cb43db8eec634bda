package ru.rusoragentai.console.reconciliation;

import static ru.rusoragentai.db.Tables.RECONCILIATION_DIFF;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;

import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ReconciliationRepository {

    /** Our usage of one model on one day. */
    record OurUsage(LocalDate day, String model, long input, long output) {
    }

    private final DSLContext dsl;

    ReconciliationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Our usage per day and model from the daily roll-up, for days in [from, until). */
    List<OurUsage> ourUsage(String provider, LocalDate from, LocalDate until) {
        return dsl.select(USAGE_DAILY.DAY, USAGE_DAILY.MODEL, DSL.sum(USAGE_DAILY.INPUT_TOKENS), DSL.sum(USAGE_DAILY.OUTPUT_TOKENS))
                .from(USAGE_DAILY)
                .where(USAGE_DAILY.PROVIDER.eq(provider), USAGE_DAILY.DAY.ge(from), USAGE_DAILY.DAY.lt(until))
                .groupBy(USAGE_DAILY.DAY, USAGE_DAILY.MODEL)
                .fetch(r -> new OurUsage(r.value1(), r.value2(), r.value3().longValue(), r.value4().longValue()));
    }

    void replace(String provider, LocalDate from, LocalDate until, List<ReconciliationRow> rows) {
        dsl.deleteFrom(RECONCILIATION_DIFF).where(RECONCILIATION_DIFF.PROVIDER.eq(provider),
                RECONCILIATION_DIFF.DAY.ge(from), RECONCILIATION_DIFF.DAY.lt(until)).execute();
        for (ReconciliationRow row : rows) {
            dsl.insertInto(RECONCILIATION_DIFF)
                    .set(RECONCILIATION_DIFF.PROVIDER, row.provider()).set(RECONCILIATION_DIFF.DAY, row.day())
                    .set(RECONCILIATION_DIFF.MODEL, row.model())
                    .set(RECONCILIATION_DIFF.PROVIDER_INPUT, row.providerInput())
                    .set(RECONCILIATION_DIFF.PROVIDER_OUTPUT, row.providerOutput())
                    .set(RECONCILIATION_DIFF.PROVIDER_COST, row.providerCost())
                    .set(RECONCILIATION_DIFF.OUR_INPUT, row.ourInput()).set(RECONCILIATION_DIFF.OUR_OUTPUT, row.ourOutput())
                    .set(RECONCILIATION_DIFF.OUR_COST, row.ourCost()).set(RECONCILIATION_DIFF.NOTE, row.note())
                    .set(RECONCILIATION_DIFF.CHECKED_AT, row.checkedAt())
                    .execute();
        }
    }

    List<ReconciliationRow> find(String provider, LocalDate from, LocalDate until) {
        Condition where = RECONCILIATION_DIFF.DAY.ge(from).and(RECONCILIATION_DIFF.DAY.lt(until));
        if (provider != null) {
            where = where.and(RECONCILIATION_DIFF.PROVIDER.eq(provider));
        }
        return dsl.selectFrom(RECONCILIATION_DIFF).where(where)
                .orderBy(RECONCILIATION_DIFF.DAY.desc(), RECONCILIATION_DIFF.PROVIDER, RECONCILIATION_DIFF.MODEL)
                .fetch(r -> new ReconciliationRow(r.getProvider(), r.getDay(), r.getModel(), r.getProviderInput(),
                        r.getProviderOutput(), r.getProviderCost(), r.getOurInput(), r.getOurOutput(), r.getOurCost(),
                        r.getNote(), r.getCheckedAt()));
    }


}

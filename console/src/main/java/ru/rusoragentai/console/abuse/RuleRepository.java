package ru.rusoragentai.console.abuse;

import static ru.rusoragentai.db.Tables.ABUSE_FLAG;
import static ru.rusoragentai.db.Tables.ABUSE_RULE;
import static ru.rusoragentai.db.Tables.ABUSE_RULE_PARAM;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.console.abuse.detect.Source;

@Repository
class RuleRepository {

    /** Flags a rule raised and how staff decided them. */
    record Counts(long raised, long shadow, long confirmed, long dismissed, long open) {
    }

    private final DSLContext dsl;

    RuleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<RuleRow> all() {
        Map<String, Map<String, Long>> params = new HashMap<>();
        dsl.selectFrom(ABUSE_RULE_PARAM).forEach(p -> params.computeIfAbsent(p.getRuleCode(), c -> new HashMap<>()).put(p.getName(), p.getValue()));
        return dsl.selectFrom(ABUSE_RULE).orderBy(ABUSE_RULE.CODE).fetch(r -> new RuleRow(r.getCode(), r.getThreshold(),
                r.getWindowMinutes(), r.getEnabled(), r.getWeight(), Severity.fromDb(r.getSeverity()), r.getShadow(),
                r.getWatermark(), r.getLastRunAt(), r.getLastRunMs(), r.getLastError(), r.getVersion(),
                Map.copyOf(params.getOrDefault(r.getCode(), Map.of()))));
    }

    Optional<RuleRow> find(String code) {
        return all().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** Locks the rule's row for the rest of the transaction (one evaluation of a rule at a time) and returns its watermark. */
    long lockWatermark(String code) {
        return dsl.select(ABUSE_RULE.WATERMARK).from(ABUSE_RULE).where(ABUSE_RULE.CODE.eq(code)).forUpdate().fetchSingle().value1();
    }

    long maxId(Source source) {
        Long max = dsl.resultQuery("SELECT MAX(id) FROM " + source.table()).fetchSingle().get(0, Long.class);
        return max == null ? 0 : max;
    }

    void finishRun(String code, long watermark, LocalDateTime at, long millis) {
        dsl.update(ABUSE_RULE).set(ABUSE_RULE.WATERMARK, watermark).set(ABUSE_RULE.LAST_RUN_AT, at)
                .set(ABUSE_RULE.LAST_RUN_MS, millis).setNull(ABUSE_RULE.LAST_ERROR).where(ABUSE_RULE.CODE.eq(code)).execute();
    }

    void failRun(String code, LocalDateTime at, long millis, String error) {
        dsl.update(ABUSE_RULE).set(ABUSE_RULE.LAST_RUN_AT, at).set(ABUSE_RULE.LAST_RUN_MS, millis)
                .set(ABUSE_RULE.LAST_ERROR, error.length() > 2000 ? error.substring(0, 2000) : error)
                .where(ABUSE_RULE.CODE.eq(code)).execute();
    }

    /** Saves an edit if nobody changed the rule since {@code version} was read; false otherwise. */
    boolean update(RuleRow edited, String actor, LocalDateTime at) {
        int changed = dsl.update(ABUSE_RULE).set(ABUSE_RULE.THRESHOLD, edited.threshold())
                .set(ABUSE_RULE.WINDOW_MINUTES, edited.windowMinutes()).set(ABUSE_RULE.ENABLED, edited.enabled())
                .set(ABUSE_RULE.WEIGHT, edited.weight()).set(ABUSE_RULE.SEVERITY, edited.severity().dbValue())
                .set(ABUSE_RULE.SHADOW, edited.shadow()).set(ABUSE_RULE.UPDATED_BY, actor).set(ABUSE_RULE.UPDATED_AT, at)
                .set(ABUSE_RULE.VERSION, ABUSE_RULE.VERSION.plus(1))
                .where(ABUSE_RULE.CODE.eq(edited.code()).and(ABUSE_RULE.VERSION.eq(edited.version()))).execute();
        if (changed == 0) {
            return false;
        }
        edited.params().forEach((name, value) -> dsl.insertInto(ABUSE_RULE_PARAM).set(ABUSE_RULE_PARAM.RULE_CODE, edited.code())
                .set(ABUSE_RULE_PARAM.NAME, name).set(ABUSE_RULE_PARAM.VALUE, value)
                .onDuplicateKeyUpdate().set(ABUSE_RULE_PARAM.VALUE, value).execute());
        return true;
    }

    Map<String, Counts> counts() {
        Map<String, Counts> counts = new HashMap<>();
        dsl.select(ABUSE_FLAG.RULE_CODE,
                        DSL.count().filterWhere(ABUSE_FLAG.SHADOW.isFalse()),
                        DSL.count().filterWhere(ABUSE_FLAG.SHADOW.isTrue()),
                        DSL.count().filterWhere(ABUSE_FLAG.STATUS.eq(FlagStatus.CONFIRMED.dbValue())),
                        DSL.count().filterWhere(ABUSE_FLAG.STATUS.eq(FlagStatus.DISMISSED.dbValue())),
                        DSL.count().filterWhere(ABUSE_FLAG.SHADOW.isFalse().and(ABUSE_FLAG.STATUS.in(FlagStatus.NEW.dbValue(), FlagStatus.IN_REVIEW.dbValue()))))
                .from(ABUSE_FLAG).groupBy(ABUSE_FLAG.RULE_CODE)
                .forEach(r -> counts.put(r.value1(), new Counts(r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
        return counts;
    }
}

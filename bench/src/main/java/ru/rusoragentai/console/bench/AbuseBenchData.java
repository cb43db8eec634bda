package ru.rusoragentai.console.bench;

import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Rows the abuse benchmark adds to a loaded database: new usage events, and flags in bulk for the queue. */
@Repository
class AbuseBenchData {

    private final DSLContext dsl;

    AbuseBenchData(DSLContext dsl) {
        this.dsl = dsl;
    }

    long maxUserId() {
        return dsl.resultQuery("SELECT MAX(id) FROM app_user").fetchSingle().get(0, Long.class);
    }

    /** {@code count} usage events in the last minutes before {@code now}, by random users, 1,000 a statement. */
    void insertEvents(int count, long maxUser, LocalDateTime now, java.util.Random random) {
        for (int done = 0; done < count; done += 1_000) {
            int n = Math.min(1_000, count - done);
            StringBuilder sql = new StringBuilder("INSERT INTO usage_event (occurred_at, user_id, provider, model, feature, input_tokens,"
                    + " output_tokens, tokens_charged, latency_ms, status) VALUES ");
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? "" : ",").append("('").append(java.sql.Timestamp.valueOf(now.minusSeconds(random.nextInt(600))))
                        .append("',").append(1 + random.nextLong(maxUser)).append(",'openai','gpt-5-mini','chat',500,300,4,900,'ok')");
            }
            dsl.execute(sql.toString());
        }
    }

    /** Flags about random users, all open, so the queue has {@code count} rows to page through. */
    void insertFlags(int count, long maxUser, LocalDateTime now) {
        dsl.execute("""
                INSERT INTO abuse_flag (user_id, rule_code, subject_key, episode, evidence, status, created_at, updated_at)
                SELECT 1 + (seq * 7919) % {0}, 'usage_spike', CONCAT('u:', 1 + (seq * 7919) % {0}), CONCAT('bench:', seq),
                       '{"tokens": 12345, "baseline_average": 10}', 'new', {1} - INTERVAL (seq % 43200) MINUTE, {1}
                FROM seq_1_to_{2}""", DSL.inline(maxUser), DSL.val(now), DSL.inline(count));
        dsl.execute("""
                INSERT IGNORE INTO abuse_score (user_id, score, breakdown, updated_at)
                SELECT DISTINCT user_id, 20, '{"usage_spike": 20}', {0} FROM abuse_flag WHERE episode LIKE 'bench:%'""", DSL.val(now));
    }

    void deleteBenchFlags() {
        dsl.execute("DELETE FROM abuse_flag WHERE episode LIKE 'bench:%'");
    }

    /** The floor of the queue's first page: the same rows by the same index, without the joins. */
    int rawFirstPage() {
        return dsl.resultQuery("SELECT id, user_id, rule_code, status, created_at, evidence FROM abuse_flag"
                + " WHERE shadow = FALSE AND status IN ('new', 'in_review') ORDER BY created_at DESC, id DESC LIMIT 50").fetch().size();
    }

    /** The floor of a full evaluation: one read of 30 days of usage events and sessions by time. */
    long rawScan(LocalDateTime from, LocalDateTime to) {
        long events = dsl.resultQuery("SELECT COUNT(*), SUM(tokens_charged) FROM usage_event WHERE occurred_at >= {0} AND occurred_at < {1}",
                DSL.val(from), DSL.val(to)).fetchSingle().get(0, Long.class);
        long sessions = dsl.resultQuery("SELECT COUNT(*) FROM user_session WHERE started_at >= {0} AND started_at < {1}",
                DSL.val(from), DSL.val(to)).fetchSingle().get(0, Long.class);
        return events + sessions;
    }

    /** Every rule's watermark at the newest row of its source, as after runs that kept up. */
    void watermarksToNewest() {
        for (String[] rule : new String[][] {{"user_session", "multi_account,signup_burst,impossible_travel,shared_account"},
                {"usage_event", "usage_spike,expensive_burn,automation,lockstep"}, {"token_ledger", "bonus_farming,refunds,insider"},
                {"app_user", "possible_minor"}}) {
            long max = dsl.resultQuery("SELECT MAX(id) FROM " + rule[0]).fetchSingle().get(0, Long.class);
            for (String code : rule[1].split(",")) {
                dsl.execute("UPDATE abuse_rule SET watermark = {0} WHERE code = {1}", DSL.inline(max), DSL.val(code));
            }
        }
    }

    long count(String table) {
        return dsl.resultQuery("SELECT COUNT(*) FROM " + table).fetchSingle().get(0, Long.class);
    }
}

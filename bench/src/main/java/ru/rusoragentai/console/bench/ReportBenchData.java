package ru.rusoragentai.console.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** What the report benchmark reads beside the reports: the size of the roll-ups and the floor of reading them. */
@Repository
class ReportBenchData {

    private final DSLContext dsl;

    ReportBenchData(DSLContext dsl) {
        this.dsl = dsl;
    }

    long count(String table) {
        return dsl.resultQuery("SELECT COUNT(*) FROM " + table).fetchSingle().get(0, Long.class);
    }

    /** The size of the cohort roll-up's bitmaps. */
    long bitmapBytes() {
        return dsl.resultQuery("SELECT COALESCE(SUM(LENGTH(signed_up) + LENGTH(active) + LENGTH(paying)), 0) FROM report_user_day")
                .fetchSingle().get(0, Long.class);
    }

    /**
     * The floor of a usage report: the same roll-up rows read once over JDBC, bitmaps included, without adding anything
     * up; returns the bytes read.
     */
    long readUsageRows(LocalDate from, LocalDate until) {
        try (ResultSet rows = dsl.resultQuery("SELECT day, provider, model, feature, country, requests, errors, input_tokens,"
                + " output_tokens, tokens_charged, latency_hist, users FROM report_usage_day WHERE day >= {0} AND day < {1}",
                DSL.val(from), DSL.val(until)).fetchSize(5_000).fetchResultSet()) {
            long bytes = 0;
            while (rows.next()) {
                bytes += rows.getString(11).length() + rows.getBytes(12).length;
            }
            return bytes;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

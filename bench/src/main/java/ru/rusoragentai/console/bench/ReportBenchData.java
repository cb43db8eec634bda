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
     * The floor of a usage report split by {@code dimension} ({@code all} for none): what it reads, read once over JDBC
     * without adding anything up: the roll-up rows without their bitmaps, and the users of each day and value of that
     * dimension. Returns the bytes of bitmaps read.
     */
    long readUsageFloor(LocalDate from, LocalDate until, String dimension) {
        long bytes = 0;
        try (ResultSet rows = dsl.resultQuery("SELECT day, provider, model, feature, country, requests, errors, input_tokens,"
                + " output_tokens, tokens_charged, latency_hist FROM report_usage_day WHERE day >= {0} AND day < {1}",
                DSL.val(from), DSL.val(until)).fetchSize(5_000).fetchResultSet()) {
            while (rows.next()) {
                rows.getLong(6);
                rows.getString(11);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (ResultSet rows = dsl.resultQuery("SELECT day, value, users FROM report_usage_users_day WHERE dimension = {0}"
                + " AND day >= {1} AND day < {2}", DSL.val(dimension), DSL.val(from), DSL.val(until)).fetchSize(1_000).fetchResultSet()) {
            while (rows.next()) {
                bytes += rows.getBytes(3).length;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return bytes;
    }

    /** The provider with the most requests over the range (the filter of the mixed report). */
    String busiestProvider(LocalDate from, LocalDate until) {
        return dsl.resultQuery("SELECT provider FROM report_usage_day WHERE day >= {0} AND day < {1} GROUP BY provider"
                + " ORDER BY SUM(requests) DESC LIMIT 1", DSL.val(from), DSL.val(until)).fetchSingle().get(0, String.class);
    }

    /**
     * What a usage report with a split and a filter on different dimensions reads: the same roll-up rows read once over
     * JDBC, bitmaps included, without adding anything up; returns the bytes read.
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

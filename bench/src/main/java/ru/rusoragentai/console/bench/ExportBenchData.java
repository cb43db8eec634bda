package ru.rusoragentai.console.bench;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.console.analytics.UsageQuery;
import ru.rusoragentai.console.analytics.downloads.EventQuery;

/** What the export benchmark reads beside the console's export: ranges of a size, and the floors on the same query. */
@Repository
class ExportBenchData {

    private final DSLContext dsl;

    ExportBenchData(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The latest range of whole days, ending with the last rolled-up day, that holds at least {@code rows} events. */
    LocalDate[] rangeWithEvents(long rows) {
        LocalDate until = dsl.resultQuery("SELECT MAX(day) FROM report_usage_day").fetchSingle().get(0, LocalDate.class).plusDays(1);
        long sum = 0;
        LocalDate from = until;
        for (var row : dsl.resultQuery("SELECT day, SUM(requests) FROM report_usage_day GROUP BY day ORDER BY day DESC").fetch()) {
            sum += row.get(1, Long.class);
            from = row.get(0, LocalDate.class);
            if (sum >= rows) {
                break;
            }
        }
        return new LocalDate[] {from, until};
    }

    /** The floor: the export's query, each row written as plain comma-joined text through one buffered writer. */
    long plainCsv(UsageQuery query, Path file) throws Exception {
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file); ResultSet rs = resultSet(query)) {
            Object[] row = new Object[EventQuery.COLUMNS];
            while (rs.next()) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                ExportBenchmark.csvLine(out, row);
                rows++;
            }
        }
        return rows;
    }

    /** POI's plain streaming workbook writing the same query's cells. */
    long plainSxssf(UsageQuery query, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); ResultSet rs = resultSet(query)) {
            return ExportBenchmark.sxssf(() -> rows(rs), out);
        }
    }

    private ResultSet resultSet(UsageQuery query) {
        return dsl.resultQuery(EventQuery.sql(query), EventQuery.values(query)).fetchSize(10_000).fetchResultSet();
    }

    private static Iterator<Object[]> rows(ResultSet rs) {
        return new Iterator<>() {
            private Boolean ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    try {
                        ahead = rs.next();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return ahead;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ahead = null;
                try {
                    Object[] row = new Object[EventQuery.COLUMNS];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    if (row[0] instanceof java.sql.Timestamp t) {
                        row[0] = t.toLocalDateTime();
                    }
                    return row;
                } catch (SQLException e) {
                    throw new UncheckedIOException(new java.io.IOException(e));
                }
            }
        };
    }
}

package ru.rusoragentai.console.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import ru.rusoragentai.console.export.Column;
import ru.rusoragentai.console.export.CsvTableWriter;
import ru.rusoragentai.console.export.TableWriter;
import ru.rusoragentai.console.export.XlsxTableWriter;

/**
 * A report as a table: its columns (headers in the reader's language), its rows and its totals rows (one, or one per
 * currency where amounts must not be added across currencies), each cell null, a number, a date or text. Screens show
 * it as a grid with the totals in the footer; exports write it as it is.
 */
public record ReportTable(List<Column> columns, List<Object[]> rows, List<Object[]> totals) {

    /** A table with a single totals row. */
    public ReportTable(List<Column> columns, List<Object[]> rows, Object[] totals) {
        this(columns, rows, List.<Object[]>of(totals));
    }

    /** Writes the table with its totals row in the format asked for. */
    void write(ExportFormat format, String sheetName, OutputStream out) {
        try (TableWriter writer = format == ExportFormat.XLSX ? new XlsxTableWriter(out, sheetName)
                : new CsvTableWriter(out, format == ExportFormat.CSV_WITH_BOM)) {
            writer.start(columns);
            for (Object[] row : rows) {
                writer.row(row);
            }
            for (Object[] total : totals) {
                writer.totals(total);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

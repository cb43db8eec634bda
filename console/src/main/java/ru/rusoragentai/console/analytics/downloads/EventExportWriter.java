package ru.rusoragentai.console.analytics.downloads;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.zip.GZIPOutputStream;
import ru.rusoragentai.console.analytics.Pseudonyms;
import ru.rusoragentai.console.export.Column;
import ru.rusoragentai.console.export.CsvTableWriter;
import ru.rusoragentai.console.export.TableWriter;
import ru.rusoragentai.console.export.XlsxTableWriter;

/**
 * Writes the events of an export as a table, one row per event, the user as a pseudonym under a key made for this
 * export alone: a workbook through the console's streaming writer, or gzipped CSV.
 */
final class EventExportWriter {

    /** Thrown from the row loop when the analyst cancelled the export. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private EventExportWriter() {
    }

    /** The export's columns, their headers as the requester reads them. */
    static List<Column> columns(List<String> headers) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            columns.add(switch (i) {
                case 0 -> Column.dateTime(header);
                case 1, 2, 3, 4, 5, 10 -> Column.text(header);
                default -> Column.integer(header);
            });
        }
        return columns;
    }

    /**
     * Streams the events into {@code out} in the format asked for; {@code progress} hears the row count every
     * {@code progressEvery} rows and answers whether to stop. Returns the rows written.
     */
    static long write(EventRowsRepository events, EventExportParams params, EventFormat format, OutputStream out,
                      int progressEvery, LongPredicate progress) throws IOException {
        Pseudonyms names = Pseudonyms.fresh();
        OutputStream target = format == EventFormat.CSV_GZ ? new GZIPOutputStream(out, 1 << 16) : out;
        long[] rows = {0};
        try (TableWriter writer = format == EventFormat.XLSX ? new XlsxTableWriter(target, "events") : new CsvTableWriter(target, false)) {
            writer.start(columns(params.headers()));
            Object[] row = new Object[EventQuery.COLUMNS];
            events.stream(params.query(), (at, user, provider, model, feature, country, input, output, charged, latency, status) -> {
                row[0] = at;
                row[1] = names.of(user);
                row[2] = provider;
                row[3] = model;
                row[4] = feature;
                row[5] = country;
                row[6] = input;
                row[7] = output;
                row[8] = charged;
                row[9] = latency;
                row[10] = status;
                try {
                    writer.row(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++rows[0] % progressEvery == 0 && progress.test(rows[0])) {
                    throw new Cancelled();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (target != out) {
            target.close();
        }
        return rows[0];
    }
}

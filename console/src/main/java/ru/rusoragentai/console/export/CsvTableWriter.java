package ru.rusoragentai.console.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as RFC 4180 CSV in UTF-8 (CRLF line ends, quotes where needed), with a byte order mark when asked for one
 * so that Excel reads the UTF-8 right. Text that a spreadsheet would run as a formula gets a leading apostrophe
 * ({@link SafeCells}): CSV has no other way to say "this is text".
 */
public final class CsvTableWriter implements TableWriter {

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final CSVPrinter csv;
    private List<Column> columns = List.of();

    public CsvTableWriter(OutputStream out, boolean byteOrderMark) throws IOException {
        if (byteOrderMark) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        csv = new CSVPrinter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.RFC4180);
    }

    @Override
    public void start(List<Column> columns) throws IOException {
        this.columns = List.copyOf(columns);
        csv.printRecord(columns.stream().map(c -> SafeCells.text(c.header())).toList());
    }

    @Override
    public void row(Object[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            Object cell = cells[i];
            csv.print(switch (cell) {
                case null -> "";
                case Number n -> columns.get(i).kind() == Column.Kind.TEXT ? SafeCells.text(n.toString()) : n;
                case CharSequence text -> SafeCells.text(text.toString());
                case java.time.LocalDateTime time -> TIME.format(time);
                default -> cell.toString();
            });
        }
        csv.println();
    }

    @Override
    public void totals(Object[] cells) throws IOException {
        row(cells);
    }

    @Override
    public void close() throws IOException {
        csv.flush();
    }
}

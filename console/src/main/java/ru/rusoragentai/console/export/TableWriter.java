package ru.rusoragentai.console.export;

import java.io.IOException;

/**
 * Writes one table (a report, a list) to a file format, row by row, so that memory stays bounded however many rows
 * there are. Cells are null, a {@link Number}, a {@link java.time.LocalDate} or text, in the order of the columns
 * given to {@link #start}. Close it to finish the file; the caller closes the stream it writes to.
 */
public sealed interface TableWriter extends AutoCloseable permits CsvTableWriter, XlsxTableWriter {

    /** The header row; called once, first. */
    void start(java.util.List<Column> columns) throws IOException;

    void row(Object[] cells) throws IOException;

    /** The totals row, last, set apart from the data (bold in a workbook). */
    void totals(Object[] cells) throws IOException;

    /** Finishes the file. */
    @Override
    void close() throws IOException;
}

package ru.rusoragentai.console.export;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * The streaming workbook's sheet writer, with a quicker path for the cells an export is made of. A heavy user's usage
 * sheet has twelve million cells, and writing their XML was most of the package's build time: POI's writer formats a
 * {@link CellReference}, makes four writer calls per attribute and walks every string code point by code point.
 * Text, number and blank cells, styled or not, are written here in fewer, larger writes, whole numbers without
 * {@link Double#toString}, and text without a character that needs escaping in one piece; everything else (other cell
 * types, text to escape) goes to POI's own code. Two things are left out that the format makes optional: a cell's
 * reference where it directly follows the row's previous cell, and a number cell's type ({@code n} is the default);
 * the ever-changing references compressed worst, and without them an event export's workbook is half the size and
 * quicker to close. Otherwise the XML is POI's, character for character (PlainCellsSheetWriterTest).
 * Sheet XML goes to its temporary file through an {@link UnlockedWriter}. Not thread-safe, like POI's.
 */
public class PlainCellsSheetWriter extends SheetDataWriter {

    private static final String[] COLUMNS = new String[64];

    static {
        for (int i = 0; i < COLUMNS.length; i++) {
            COLUMNS[i] = CellReference.convertNumToColString(i);
        }
    }

    private static final String[] STYLES = new String[256];

    static {
        for (int i = 1; i < STYLES.length; i++) {
            STYLES[i] = " s=\"" + i + '"';
        }
        STYLES[0] = "";
    }

    // below this, Double.toString writes a whole number as its digits and ".0"; from 10^7 on it switches to E notation
    private static final double PLAIN_WHOLE_LIMIT = 1e7;

    private final char[] digits = new char[20];
    private String rowNumber = "";
    private int lastColumn = -1;

    /** Writes to a temporary file, as SXSSF's own writer does. */
    public PlainCellsSheetWriter() throws IOException {
        super();
    }

    /** Writes to {@code out} (tests). */
    public PlainCellsSheetWriter(Writer out) throws IOException {
        super(out);
    }

    @Override
    public Writer createWriter(File file) throws IOException {
        return new UnlockedWriter(Files.newOutputStream(file.toPath()));
    }

    @Override
    public void writeRow(int rownum, SXSSFRow row) throws IOException {
        rowNumber = Integer.toString(rownum + 1);
        lastColumn = -1;
        super.writeRow(rownum, row);
    }

    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
        int style = cell == null ? 0 : cell.getCellStyle().getIndex() & 0xffff;
        boolean next = columnIndex == lastColumn + 1;
        if (cell != null) {
            lastColumn = columnIndex;
        }
        if (cell == null || columnIndex >= COLUMNS.length || style >= STYLES.length) {
            super.writeCell(columnIndex, cell);
            return;
        }
        switch (cell.getCellType()) {
            case STRING -> {
                String text = cell.getStringCellValue();
                if (!plain(text)) {
                    super.writeCell(columnIndex, cell);
                    return;
                }
                start(columnIndex, next, style);
                _out.write(" t=\"inlineStr\"><is><t>");
                _out.write(text);
                _out.write("</t></is></c>");
            }
            case NUMERIC -> {
                start(columnIndex, next, style);
                _out.write("><v>");
                writeNumber(cell.getNumericCellValue());
                _out.write("</v></c>");
            }
            case BLANK -> {
                start(columnIndex, next, style);
                _out.write("></c>");
            }
            default -> super.writeCell(columnIndex, cell);
        }
    }

    /**
     * Opens a cell: its reference only when it does not follow the row's previous cell (a reader places a cell without
     * one right after the previous), its style when not the default.
     */
    private void start(int columnIndex, boolean next, int style) throws IOException {
        if (next) {
            _out.write("<c");
        } else {
            _out.write("<c r=\"");
            _out.write(COLUMNS[columnIndex]);
            _out.write(rowNumber);
            _out.write('"');
        }
        _out.write(STYLES[style]);
    }

    /** What {@link Double#toString} writes, without it for whole numbers below 10^7 (counts, tokens, latencies). */
    private void writeNumber(double value) throws IOException {
        long whole = (long) value;
        boolean negativeZero = whole == 0 && Double.doubleToRawLongBits(value) != 0;
        if (whole != value || Math.abs(value) >= PLAIN_WHOLE_LIMIT || negativeZero) {
            _out.write(Double.toString(value));
            return;
        }
        int at = digits.length;
        long rest = Math.abs(whole);
        do {
            digits[--at] = (char) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        if (whole < 0) {
            digits[--at] = '-';
        }
        _out.write(digits, at, digits.length - at);
        _out.write(".0");
    }

    @Override
    protected void outputEscapedString(String text) throws IOException {
        if (text != null && plain(text)) {
            _out.write(text);
        } else {
            super.outputEscapedString(text);
        }
    }

    /**
     * Whether POI would write the text as it is: no markup or whitespace character it escapes, no character it
     * replaces, and no leading or trailing whitespace (which needs {@code xml:space}).
     */
    private static boolean plain(String text) {
        int length = text.length();
        if (length > 0 && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1)))) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c == '<' || c == '>' || c == '&' || c == '"' || c == '\u00A0' || c >= '\uFFFE') {
                return false;
            }
        }
        return true;
    }
}

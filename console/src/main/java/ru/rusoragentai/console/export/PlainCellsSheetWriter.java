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
 * The streaming workbook's sheet writer, with a quicker path for the cells a package is made of. A heavy user's usage
 * sheet has twelve million cells, and writing their XML was most of the package's build time: POI's writer formats a
 * {@link CellReference}, makes four writer calls per attribute and walks every string code point by code point.
 * Plain cells (default style; text, number or blank) are written here in fewer, larger writes, and text without a
 * character that needs escaping in one piece; everything else (styled headings, other cell types, text to escape)
 * goes to POI's own code. The XML is the same, character for character, as POI writes (PlainCellsSheetWriterTest).
 * Sheet XML goes to its temporary file through an {@link UnlockedWriter}. Not thread-safe, like POI's.
 */
public class PlainCellsSheetWriter extends SheetDataWriter {

    private static final String[] COLUMNS = new String[64];

    static {
        for (int i = 0; i < COLUMNS.length; i++) {
            COLUMNS[i] = CellReference.convertNumToColString(i);
        }
    }

    private String rowNumber = "";

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
        super.writeRow(rownum, row);
    }

    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
        if (cell == null || columnIndex >= COLUMNS.length || cell.getCellStyle().getIndex() != 0) {
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
                start(columnIndex);
                _out.write(" t=\"inlineStr\"><is><t>");
                _out.write(text);
                _out.write("</t></is></c>");
            }
            case NUMERIC -> {
                start(columnIndex);
                _out.write(" t=\"n\"><v>");
                _out.write(Double.toString(cell.getNumericCellValue()));
                _out.write("</v></c>");
            }
            case BLANK -> {
                start(columnIndex);
                _out.write("></c>");
            }
            default -> super.writeCell(columnIndex, cell);
        }
    }

    private void start(int columnIndex) throws IOException {
        _out.write("<c r=\"");
        _out.write(COLUMNS[columnIndex]);
        _out.write(rowNumber);
        _out.write('"');
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

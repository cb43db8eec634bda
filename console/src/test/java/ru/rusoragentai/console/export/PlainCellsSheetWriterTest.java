package ru.rusoragentai.console.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;

/**
 * The quick sheet writer writes the cells POI's own writer does, whatever they hold, leaving out only the optional
 * references and number types, and a reader reads them back as they were.
 */
class PlainCellsSheetWriterTest {

    private static final List<String> TEXTS = List.of("plain", "claude-sonnet-4", "", "Приватный Субъект", "emoji \uD83D\uDE00 pair",
            "lone \uD800 surrogate", "a < b & c > d", "say \"hi\"", "line\nbreak", "tab\there", "cr\rhere", "no\u00A0break",
            "bell\u0007", "not a char \uFFFE", " leading", "trailing ", "\tboth\t", "'=1+2", "2026-10-17T12:34:56.125");

    private static final double[] NUMBERS = {0, -0.0, 1, -1, 42, 9_999_999, 10_000_000, 123_456_789, -9_999_999, 1e15, 1e300,
            0.5, 46_023.000011574, 1e-4, Double.NaN, Double.POSITIVE_INFINITY, Long.MAX_VALUE, 4_503_599_627_370_497.0};

    /**
     * The cells of sheet XML as a reader sees them: row, column (from the reference, or the one after the row's previous
     * cell), style, type (n when absent) and content, one line each.
     */
    private static List<String> cells(String xml) {
        List<String> cells = new ArrayList<>();
        Matcher rows = Pattern.compile("<row r=\"(\\d+)\"[^>]*>(.*?)</row>", Pattern.DOTALL).matcher(xml);
        while (rows.find()) {
            Matcher cell = Pattern.compile("<c(?: r=\"([A-Z]+)\\d+\")?(?: s=\"(\\d+)\")?(?: t=\"(\\w+)\")?(.*?)</c>", Pattern.DOTALL)
                    .matcher(rows.group(2));
            int column = -1;
            while (cell.find()) {
                column = cell.group(1) == null ? column + 1 : CellReference.convertColStringToIndex(cell.group(1));
                cells.add(rows.group(1) + ":" + column + " s=" + Objects.requireNonNullElse(cell.group(2), "0") + " t="
                        + Objects.requireNonNullElse(cell.group(3), "n") + " " + cell.group(4));
            }
        }
        return cells;
    }

    /** The text as XML in UTF-8 carries it: POI's own writer too makes '?' of a character XML cannot hold. */
    private static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "?");
    }

    private static byte[] workbook(SXSSFSheet sheet, int lastRow) throws IOException {
        try (SXSSFWorkbook copy = StreamingWorkbooks.create(-1)) {
            SXSSFSheet target = copy.createSheet("cells");
            CellStyle bold = copy.createCellStyle();
            for (int i = 0; i <= lastRow; i++) {
                SXSSFRow row = target.createRow(i);
                for (Cell cell : sheet.getRow(i)) {
                    Cell to = row.createCell(cell.getColumnIndex());
                    switch (cell.getCellType()) {
                        case STRING -> to.setCellValue(cell.getStringCellValue());
                        case NUMERIC -> to.setCellValue(cell.getNumericCellValue());
                        case BOOLEAN -> to.setCellValue(cell.getBooleanCellValue());
                        case FORMULA -> to.setCellFormula(cell.getCellFormula());
                        case ERROR -> to.setCellErrorValue(cell.getErrorCellValue());
                        default -> { }
                    }
                    if (cell.getCellStyle().getIndex() != 0) {
                        to.setCellStyle(bold);
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            copy.write(bytes);
            return bytes.toByteArray();
        }
    }

    @Test
    void shouldWriteTheSameXmlAsPoiForEveryKindOfCell() throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(-1)) {
            SXSSFSheet sheet = workbook.createSheet("cells");
            CellStyle plain = workbook.getCellStyleAt(0);
            Font font = workbook.createFont();
            font.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(font);
            int r = 0;
            for (String text : TEXTS) {
                SXSSFRow row = sheet.createRow(r++);
                row.createCell(0).setCellValue(text);
                row.getCell(0).setCellStyle(plain);
                row.createCell(1).setCellValue(r * 1_000_003L);
                row.getCell(1).setCellStyle(plain);
                row.createCell(3).setCellValue(-r / 8.0);
                row.createCell(4).setCellValue(r % 2 == 0);
                row.createCell(5).setCellValue(text);
                row.getCell(5).setCellStyle(bold);
                row.createCell(6);
                row.createCell(7).setCellStyle(bold);
                row.createCell(8).setCellValue(NUMBERS[(r - 1) % NUMBERS.length]);
                row.getCell(8).setCellStyle(bold);
                row.createCell(9).setCellValue(NUMBERS[(r + 5) % NUMBERS.length]);
                row.createCell(70).setCellValue(text);
            }
            SXSSFRow formula = sheet.createRow(r);
            formula.createCell(0).setCellFormula("SUM(B1:B3)");

            StringWriter poi = new StringWriter();
            StringWriter ours = new StringWriter();
            SheetDataWriter poiWriter = new SheetDataWriter(poi);
            PlainCellsSheetWriter ourWriter = new PlainCellsSheetWriter(ours);
            for (int i = 0; i <= r; i++) {
                poiWriter.writeRow(i, sheet.getRow(i));
                ourWriter.writeRow(i, sheet.getRow(i));
            }
            poiWriter.close();
            ourWriter.close();

            assertThat(ours.toString()).contains("<row r=\"1\">\n<c t=\"inlineStr\"><is><t>plain</t></is></c>", "&lt;", "xml:space=\"preserve\"",
                    "<c r=\"BS19\"", "<f>SUM(B1:B3)</f>", "<c s=\"1\"><v>-0.0</v></c>", "<c s=\"1\"></c>",
                    "<c r=\"D1\"><v>-0.125</v></c>", "<c r=\"E1\" t=\"b\">");
            assertThat(cells(ours.toString())).as("the same cells as POI writes, read as a reader reads them")
                    .hasSize(TEXTS.size() * 10 + 1).isEqualTo(cells(poi.toString()));
            assertThat(ours.toString().replaceAll("<c r=\"[A-Z]+\\d+\"", "<c").replace(" t=\"n\"", ""))
                    .as("otherwise POI's XML, character for character")
                    .isEqualTo(poi.toString().replaceAll("<c r=\"[A-Z]+\\d+\"", "<c").replace(" t=\"n\"", ""));
            try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook(sheet, r)))) {
                for (int i = 0; i <= r; i++) {
                    SXSSFRow written = sheet.getRow(i);
                    Row back = read.getSheetAt(0).getRow(i);
                    for (Cell cell : written) {
                        assertThat(back.getCell(cell.getColumnIndex())).as("cell %d,%d", i, cell.getColumnIndex()).isNotNull()
                                .satisfies(c -> assertThat(c.toString()).isEqualTo(utf8(cell.toString())));
                    }
                    assertThat(back.getLastCellNum()).isEqualTo(written.getLastCellNum());
                }
            }
        }
    }
}

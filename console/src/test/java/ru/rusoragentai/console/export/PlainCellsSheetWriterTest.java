package ru.rusoragentai.console.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;

/** The quick sheet writer writes exactly the XML POI's own writer does, whatever the cells hold. */
class PlainCellsSheetWriterTest {

    private static final List<String> TEXTS = List.of("plain", "claude-sonnet-4", "", "Приватный Субъект", "emoji \uD83D\uDE00 pair",
            "lone \uD800 surrogate", "a < b & c > d", "say \"hi\"", "line\nbreak", "tab\there", "cr\rhere", "no\u00A0break",
            "bell\u0007", "not a char \uFFFE", " leading", "trailing ", "\tboth\t", "'=1+2", "2026-10-17T12:34:56.125");

    private static final double[] NUMBERS = {0, -0.0, 1, -1, 42, 9_999_999, 10_000_000, 123_456_789, -9_999_999, 1e15, 1e300,
            0.5, 46_023.000011574, 1e-4, Double.NaN, Double.POSITIVE_INFINITY, Long.MAX_VALUE, 4_503_599_627_370_497.0};

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

            assertThat(ours.toString()).contains("<c r=\"A1\" t=\"inlineStr\"><is><t>plain</t></is></c>", "&lt;", "xml:space=\"preserve\"",
                    "<c r=\"BS19\"", "<f>SUM(B1:B3)</f>",
                    "<c r=\"I2\" s=\"1\" t=\"n\"><v>-0.0</v></c>", "<c r=\"H1\" s=\"1\"></c>");
            assertThat(ours.toString()).isEqualTo(poi.toString());
        }
    }
}

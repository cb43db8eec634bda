package ru.rusoragentai.console.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table as an XLSX workbook through POI's streaming writer: a styled, frozen header row with an autofilter, number,
 * percentage and date formats per column, and widths that fit the headers. Text goes into string cells, which a
 * spreadsheet never evaluates, so it keeps its true value (no apostrophe). Past a sheet's 1,048,576 rows the table
 * continues on "name 2", "name 3"... with the header repeated.
 */
public final class XlsxTableWriter implements TableWriter {

    /** Data rows per sheet below the header. */
    public static final int MAX_SHEET_ROWS = 1_048_575;

    private final OutputStream out;
    private final String sheetName;
    private final int maxRows;
    private final SXSSFWorkbook workbook = StreamingWorkbooks.create(500);
    private List<Column> columns = List.of();
    private CellStyle[] styles = new CellStyle[0];
    private CellStyle[] totalStyles = new CellStyle[0];
    private CellStyle headerStyle;
    private SXSSFSheet sheet;
    private int sheetNumber;
    private int rowIndex;

    public XlsxTableWriter(OutputStream out, String sheetName) {
        this(out, sheetName, MAX_SHEET_ROWS);
    }

    /** With fewer rows per sheet than a workbook allows: tests of the continuation sheets. */
    XlsxTableWriter(OutputStream out, String sheetName, int maxRows) {
        this.out = out;
        this.sheetName = sheetName.replaceAll("[\\\\/?*\\[\\]:]", " ");
        this.maxRows = maxRows;
    }

    @Override
    public void start(List<Column> columns) {
        this.columns = List.copyOf(columns);
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        styles = new CellStyle[columns.size()];
        totalStyles = new CellStyle[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            styles[i] = workbook.createCellStyle();
            String format = switch (columns.get(i).kind()) {
                case TEXT -> "@";
                case INTEGER -> "#,##0";
                case DECIMAL -> "#,##0.00";
                case PERCENT -> "0.0%";
                case DATE -> "yyyy-mm-dd";
                case DATE_TIME -> "yyyy-mm-dd hh:mm:ss";
            };
            styles[i].setDataFormat(workbook.createDataFormat().getFormat(format));
            totalStyles[i] = workbook.createCellStyle();
            totalStyles[i].cloneStyleFrom(styles[i]);
            totalStyles[i].setFont(bold);
        }
        newSheet();
    }

    @Override
    public void row(Object[] cells) {
        write(cells, styles);
    }

    @Override
    public void totals(Object[] cells) {
        write(cells, totalStyles);
    }

    private void write(Object[] cells, CellStyle[] rowStyles) {
        if (rowIndex > maxRows) {
            newSheet();
        }
        Row row = sheet.createRow(rowIndex++);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            cell.setCellStyle(rowStyles[i]);
            switch (value) {
                case Number n -> cell.setCellValue(n.doubleValue());
                case LocalDate d -> cell.setCellValue(d);
                case java.time.LocalDateTime t -> cell.setCellValue(t);
                default -> cell.setCellValue(value.toString());
            }
        }
    }

    private void newSheet() {
        finishSheet();
        sheetNumber++;
        sheet = workbook.createSheet(sheetNumber == 1 ? sheetName : sheetName + " " + sheetNumber);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
        }
        sheet.createFreezePane(0, 1);
        rowIndex = 1;
    }

    private void finishSheet() {
        if (sheet != null && !columns.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowIndex - 1), 0, columns.size() - 1));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            finishSheet();
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }
}

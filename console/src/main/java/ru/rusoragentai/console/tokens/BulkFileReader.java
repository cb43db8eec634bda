package ru.rusoragentai.console.tokens;

import org.jspecify.annotations.Nullable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a bulk adjustment file: CSV (UTF-8, comma or semicolon) or XLSX, four columns: user
 * identifier, delta, reason code, comment; an optional header row. Refuses oversized files, too
 * many rows, zip bombs, formulas and anything it cannot parse, with a translation key.
 */
final class BulkFileReader {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 2_000;

    record RawRow(int line, @Nullable String identifier, @Nullable String delta, @Nullable String reason, @Nullable String comment) {
    }

    static {
        // zip bomb guards for XLSX (a few KB that inflate to gigabytes)
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(20L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(200);
    }

    private BulkFileReader() {
    }

    static List<RawRow> read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new BulkFileException("bulk.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new BulkFileException("bulk.error.too-large");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<RawRow> rows;
        if (name.endsWith(".xlsx")) {
            rows = readXlsx(content);
        } else if (name.endsWith(".csv")) {
            rows = readCsv(content);
        } else {
            throw new BulkFileException("bulk.error.type");
        }
        if (!rows.isEmpty() && isHeader(rows.getFirst())) {
            rows = rows.subList(1, rows.size());
        }
        if (rows.isEmpty()) {
            throw new BulkFileException("bulk.error.empty");
        }
        if (rows.size() > MAX_ROWS) {
            throw new BulkFileException("bulk.error.too-many-rows");
        }
        return rows;
    }

    private static boolean isHeader(RawRow row) {
        return !row.delta().strip().matches("[+-]?\\d+");
    }

    private static List<RawRow> readCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new BulkFileException("bulk.error.encoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char delimiter = text.lines().findFirst().orElse("").contains(";") ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true).get();
        List<RawRow> rows = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text); var parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                if (rows.size() > MAX_ROWS) {
                    break;
                }
                if (record.size() < 4) {
                    throw new BulkFileException("bulk.error.columns");
                }
                rows.add(new RawRow((int) record.getRecordNumber(), record.get(0), record.get(1), record.get(2), record.get(3)));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new BulkFileException("bulk.error.malformed");
        }
        return rows;
    }

    private static List<RawRow> readXlsx(byte[] content) {
        List<RawRow> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                if (rows.size() > MAX_ROWS) {
                    break;
                }
                String[] cells = new String[4];
                boolean empty = true;
                for (int c = 0; c < 4; c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.FORMULA) {
                        throw new BulkFileException("bulk.error.formula");
                    }
                    cells[c] = cell == null ? "" : formatter.formatCellValue(cell).strip();
                    empty &= cells[c].isEmpty();
                }
                if (!empty) {
                    rows.add(new RawRow(row.getRowNum() + 1, cells[0], cells[1], cells[2], cells[3]));
                }
            }
        } catch (BulkFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports zip bombs, corrupt zips and non-OOXML content as IOExceptions or runtime exceptions
            throw new BulkFileException(String.valueOf(e.getMessage()).contains("Zip bomb") ? "bulk.error.zip-bomb" : "bulk.error.malformed");
        }
        return rows;
    }
}

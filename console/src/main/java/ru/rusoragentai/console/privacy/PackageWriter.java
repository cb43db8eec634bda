package ru.rusoragentai.console.privacy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import ru.rusoragentai.console.export.SafeCells;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one access or portability package into a private working directory: a workbook with a cover sheet and a
 * sheet per category, one JSON document (see {@code privacy/package.schema.json}) and a CSV file per category, all
 * from a single pass over each category's rows. {@link #zipTo} then packs them with a SHA-256 manifest. Memory
 * stays bounded whatever the row count (streaming workbook, JSON and CSV writers). Not thread-safe; one per build.
 */
final class PackageWriter implements AutoCloseable {

    static final String WORKBOOK = "personal-data.xlsx";
    static final String JSON_FILE = "personal-data.json";
    static final String SCHEMA_FILE = "schema.json";
    static final String MANIFEST = "manifest.sha256";
    static final String SCHEMA_RESOURCE = "/privacy/package.schema.json";
    /** A sheet holds 1,048,576 rows; longer categories continue on "name 2", "name 3"... */
    static final int MAX_SHEET_ROWS = 1_048_575;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Sheet cover;
    private final JsonGenerator json;
    private final OutputStream jsonOut;
    private final Map<PackageCategory, Long> counts = new EnumMap<>(PackageCategory.class);
    private final List<String> files = new ArrayList<>();

    PackageWriter(Path dir, Subject subject, LocalDateTime generatedAt) throws IOException {
        this.dir = dir;
        workbook.setCompressTempFiles(true);
        cover = workbook.createSheet("Cover");
        jsonOut = new BufferedOutputStream(Files.newOutputStream(dir.resolve(JSON_FILE)));
        json = JSON.createGenerator(jsonOut);
        json.writeStartObject();
        json.writeStringProperty("format", "rusoragentai-personal-data");
        json.writeNumberProperty("schemaVersion", 1);
        json.writeStringProperty("generatedAt", generatedAt.toString() + "Z");
        json.writeName("subject");
        json.writeStartObject();
        json.writeNumberProperty("userId", subject.userId());
        json.writeNumberProperty("telegramUserId", subject.telegramUserId());
        json.writeEndObject();
        json.writeName("categories");
        json.writeStartObject();
        Files.createDirectories(dir.resolve("csv"));
    }

    /** Receives a category's rows in column order; returns the sink to feed, closed with {@link CategorySink#close}. */
    CategorySink category(PackageCategory category) throws IOException {
        return new CategorySink(category);
    }

    /** One category being written to its sheet(s), its JSON array and its CSV file at once. */
    final class CategorySink implements AutoCloseable {

        private final PackageCategory category;
        private final CSVPrinter csv;
        private SXSSFSheet sheet;
        private int sheetNumber;
        private int sheetRow;
        private long rows;

        private CategorySink(PackageCategory category) throws IOException {
            this.category = category;
            Writer writer = Files.newBufferedWriter(dir.resolve("csv").resolve(category.key() + ".csv"), StandardCharsets.UTF_8);
            csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(category.columns().toArray(String[]::new)).get());
            newSheet();
            json.writeName(category.key());
            json.writeStartArray();
        }

        void row(Object[] values) {
            if (values.length != category.columns().size()) {
                throw new IllegalArgumentException(category.key() + " rows have " + category.columns().size() + " columns, got " + values.length);
            }
            if (sheetRow > MAX_SHEET_ROWS) {
                newSheet();
            }
            Row row = sheet.createRow(sheetRow++);
            json.writeStartObject();
            List<Object> csvValues = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
                Object value = plain(values[i]);
                Cell cell = row.createCell(i);
                json.writeName(category.columns().get(i));
                switch (value) {
                    case null -> {
                        json.writeNull();
                        csvValues.add("");
                    }
                    case Number n when !(n instanceof java.math.BigDecimal) -> {
                        cell.setCellValue(n.doubleValue());
                        json.writeNumber(n.longValue());
                        csvValues.add(n);
                    }
                    case Boolean b -> {
                        cell.setCellValue(b);
                        json.writeBoolean(b);
                        csvValues.add(b);
                    }
                    default -> {
                        String text = value.toString();
                        cell.setCellValue(SafeCells.text(text));
                        json.writeString(text);
                        csvValues.add(SafeCells.text(text));
                    }
                }
            }
            json.writeEndObject();
            try {
                csv.printRecord(csvValues);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
        }

        private void newSheet() {
            sheetNumber++;
            sheet = workbook.createSheet(sheetNumber == 1 ? category.key() : category.key() + " " + sheetNumber);
            Row header = sheet.createRow(0);
            for (int i = 0; i < category.columns().size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(category.columns().get(i));
                cell.setCellStyle(bold());
            }
            sheet.createFreezePane(0, 1);
            sheetRow = 1;
        }

        @Override
        public void close() throws IOException {
            json.writeEndArray();
            csv.close();
            counts.put(category, rows);
        }
    }

    /** Finishes the workbook (with its cover sheet) and the JSON document. */
    void finish(Subject subject, LocalDateTime generatedAt, String recipients) throws IOException {
        json.writeEndObject();
        json.writeEndObject();
        json.close();
        jsonOut.close();
        int r = 0;
        text(cover.createRow(r++), "Your personal data held by RusorAgentAI", true);
        text(cover.createRow(r++), "Generated " + generatedAt.toLocalDate() + " (UTC) for user " + subject.userId(), false);
        text(cover.createRow(r++), "Recipients of personal data: " + recipients, false);
        text(cover.createRow(r++), "Each category below has its own sheet; the JSON and CSV files in this package hold the same data.", false);
        r++;
        Row header = cover.createRow(r++);
        String[] heads = {"Category", "Purpose", "Retention", "Recipients", "Rows"};
        for (int i = 0; i < heads.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(heads[i]);
            cell.setCellStyle(bold());
        }
        for (PackageCategory category : PackageCategory.values()) {
            Row row = cover.createRow(r++);
            row.createCell(0).setCellValue(SafeCells.text(category.key()));
            row.createCell(1).setCellValue(SafeCells.text(category.purpose()));
            row.createCell(2).setCellValue(SafeCells.text(category.retention()));
            row.createCell(3).setCellValue(SafeCells.text(category.recipients()));
            row.createCell(4).setCellValue(counts.getOrDefault(category, 0L));
        }
        cover.setColumnWidth(0, 24 * 256);
        cover.setColumnWidth(1, 80 * 256);
        cover.setColumnWidth(2, 40 * 256);
        cover.setColumnWidth(3, 40 * 256);
        try (OutputStream out = Files.newOutputStream(dir.resolve(WORKBOOK))) {
            workbook.write(out);
        }
        workbook.close();
        try (InputStream schema = PackageWriter.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            Files.copy(schema, dir.resolve(SCHEMA_FILE));
        }
        files.add(WORKBOOK);
        files.add(JSON_FILE);
        files.add(SCHEMA_FILE);
        for (PackageCategory category : PackageCategory.values()) {
            if (counts.containsKey(category)) {
                files.add("csv/" + category.key() + ".csv");
            }
        }
    }

    Map<PackageCategory, Long> counts() {
        return counts;
    }

    /**
     * Zips the finished files into {@code out} with {@value #MANIFEST} (sha256sum format) as the last entry and
     * returns the zip's own SHA-256 and size.
     */
    Zipped zipTo(OutputStream out) throws IOException {
        MessageDigest zipDigest = sha256();
        StringBuilder manifest = new StringBuilder();
        long[] size = {0};
        DigestOutputStream counted = new DigestOutputStream(out, zipDigest) {
            @Override
            public void write(int b) throws IOException {
                super.write(b);
                size[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                super.write(b, off, len);
                size[0] += len;
            }
        };
        try (ZipOutputStream zip = new ZipOutputStream(counted)) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (String name : files) {
                MessageDigest entryDigest = sha256();
                zip.putNextEntry(new ZipEntry(name));
                try (InputStream in = Files.newInputStream(dir.resolve(name))) {
                    in.transferTo(new DigestOutputStream(zip, entryDigest));
                }
                zip.closeEntry();
                manifest.append(HexFormat.of().formatHex(entryDigest.digest())).append("  ").append(name).append('\n');
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return new Zipped(HexFormat.of().formatHex(zipDigest.digest()), size[0]);
    }

    /** The zip's SHA-256 and size in bytes. */
    record Zipped(String sha256, long size) {
    }

    private org.apache.poi.ss.usermodel.CellStyle boldStyle;

    private org.apache.poi.ss.usermodel.CellStyle bold() {
        if (boldStyle == null) {
            Font font = workbook.createFont();
            font.setBold(true);
            boldStyle = workbook.createCellStyle();
            boldStyle.setFont(font);
        }
        return boldStyle;
    }

    private void text(Row row, String value, boolean heading) {
        Cell cell = row.createCell(0);
        cell.setCellValue(SafeCells.text(value));
        if (heading) {
            cell.setCellStyle(bold());
        }
    }

    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDateTime t -> t.toString();
            case LocalDate d -> d.toString();
            case Byte b -> b.intValue() != 0 ? Boolean.TRUE : Boolean.FALSE;
            default -> value;
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
            json.close();
            jsonOut.close();
        } catch (IOException | RuntimeException e) {
            // best effort on the error path; the working directory is deleted by the caller
        }
    }
}

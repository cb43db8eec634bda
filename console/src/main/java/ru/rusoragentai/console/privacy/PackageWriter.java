package ru.rusoragentai.console.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import ru.rusoragentai.console.export.SafeCells;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one access or portability package into a private working directory: a workbook with a cover sheet and a
 * sheet per category, one JSON document (see {@code privacy/package.schema.json}) and a CSV file per category, all
 * from a single pass over each category's rows (JSON and CSV compressed as they are written, see
 * {@link DeflatedFile}). {@link #zipTo} then packs them with a SHA-256 manifest. Memory
 * stays bounded whatever the row count (streaming workbook, JSON and CSV writers, a bounded queue between the caller
 * and the workbook's own thread). Not thread-safe; one per build.
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

    /** What the caller's thread hands the workbook's thread, in order. */
    private sealed interface ToWorkbook {
        /** The rows that follow belong to this category: a sheet of its own starts. */
        record NextCategory(PackageCategory category) implements ToWorkbook {
        }

        /** One row's cells, in column order. */
        record Cells(Object[] values) implements ToWorkbook {
        }

        /** Nothing follows: add the cover sheet and write the workbook. */
        record Finish(Subject subject, LocalDateTime generatedAt, String recipients, Map<PackageCategory, Long> counts)
                implements ToWorkbook {
        }
    }

    private final Path dir;
    private final int maxSheetRows;
    private final JsonGenerator json;
    private final OutputStream jsonOut;
    private final Map<PackageCategory, Long> counts = new EnumMap<>(PackageCategory.class);
    private final List<String> files = new ArrayList<>();
    private final Map<String, DeflatedFile> deflated = new HashMap<>();
    /** Rows for the workbook, written by a thread of its own: the workbook is the slowest of the three forms. */
    private final BlockingQueue<ToWorkbook> toWorkbook = new ArrayBlockingQueue<>(16_384);
    private final ExecutorService workbookThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("package-workbook").factory());
    private final Future<?> workbookDone;

    PackageWriter(Path dir, Subject subject, LocalDateTime generatedAt) throws IOException {
        this(dir, subject, generatedAt, MAX_SHEET_ROWS);
    }

    /** With fewer rows per sheet than a workbook allows: tests of the continuation sheets. */
    PackageWriter(Path dir, Subject subject, LocalDateTime generatedAt, int maxSheetRows) throws IOException {
        this.dir = dir;
        this.maxSheetRows = maxSheetRows;
        workbookDone = workbookThread.submit(new WorkbookWriter(dir.resolve(WORKBOOK)));
        Files.createDirectories(dir.resolve("csv"));
        jsonOut = deflated(JSON_FILE).open();
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
    }

    /** A file of the package that is compressed as it is written (see DeflatedFile). */
    private DeflatedFile deflated(String name) {
        DeflatedFile file = new DeflatedFile(dir.resolve(name + ".deflate"));
        deflated.put(name, file);
        return file;
    }

    /** Receives a category's rows in column order; returns the sink to feed, closed with {@link CategorySink#close}. */
    CategorySink category(PackageCategory category) throws IOException {
        return new CategorySink(category);
    }

    /** One category being written to its sheet(s), its JSON array and its CSV file at once. */
    final class CategorySink implements AutoCloseable {

        private final PackageCategory category;
        private final CSVPrinter csv;
        private long rows;

        private CategorySink(PackageCategory category) throws IOException {
            this.category = category;
            Writer writer = new UnlockedWriter(deflated("csv/" + category.key() + ".csv").open());
            csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(category.columns().toArray(String[]::new)).get());
            send(new ToWorkbook.NextCategory(category));
            json.writeName(category.key());
            json.writeStartArray();
        }

        /** One row; the array is handed over and must not be changed afterwards. */
        void row(Object[] values) {
            if (values.length != category.columns().size()) {
                throw new IllegalArgumentException(category.key() + " rows have " + category.columns().size() + " columns, got " + values.length);
            }
            json.writeStartObject();
            Object[] csvValues = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                Object value = plain(values[i]);
                values[i] = value;
                json.writeName(category.columns().get(i));
                switch (value) {
                    case null -> {
                        json.writeNull();
                        csvValues[i] = "";
                    }
                    case Number n when !(n instanceof java.math.BigDecimal) -> {
                        json.writeNumber(n.longValue());
                        csvValues[i] = n;
                    }
                    case Boolean b -> {
                        json.writeBoolean(b);
                        csvValues[i] = b;
                    }
                    default -> {
                        String text = value.toString();
                        values[i] = text;
                        json.writeString(text);
                        csvValues[i] = SafeCells.text(text);
                    }
                }
            }
            json.writeEndObject();
            try {
                csv.printRecord(csvValues);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            send(new ToWorkbook.Cells(values));
            rows++;
        }

        @Override
        public void close() throws IOException {
            json.writeEndArray();
            csv.close();
            counts.put(category, rows);
        }
    }

    private void send(ToWorkbook message) {
        try {
            while (!toWorkbook.offer(message, 100, TimeUnit.MILLISECONDS)) {
                if (workbookDone.isDone()) {
                    workbookDone.get();
                    throw new IllegalStateException("The workbook writer stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the package", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The workbook could not be written: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Finishes the JSON document and asks the workbook's thread to add the cover sheet and write the workbook; does
     * not wait for it: {@link #zipTo} compresses the other files meanwhile.
     */
    void finish(Subject subject, LocalDateTime generatedAt, String recipients) throws IOException {
        json.writeEndObject();
        json.writeEndObject();
        json.close();
        jsonOut.close();
        send(new ToWorkbook.Finish(subject, generatedAt, recipients, new EnumMap<>(counts)));
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

    /** Owns the streaming workbook: every POI call happens on its thread. */
    private final class WorkbookWriter implements java.util.concurrent.Callable<Void> {

        private final Path file;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200) {
            @Override
            protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
                // the fastest deflate level: a slightly larger workbook (stored in the package as it is) for a quicker build
                var zip = super.createArchiveOutputStream(out);
                zip.setLevel(Deflater.BEST_SPEED);
                return zip;
            }

            @Override
            protected SheetDataWriter createSheetDataWriter() throws IOException {
                return new PlainCellsSheetWriter();
            }
        };
        private final Sheet cover = workbook.createSheet("Cover");
        private CellStyle boldStyle;
        /**
         * The workbook's default style, set on every data cell: a cell without one looks its style up through the
         * column definitions on every write, which costs more than the rest of writing the cell.
         */
        private final CellStyle plainStyle = workbook.getCellStyleAt(0);
        private PackageCategory category;
        private SXSSFSheet sheet;
        private int sheetNumber;
        private int sheetRow;

        WorkbookWriter(Path file) {
            this.file = file;
        }

        @Override
        public Void call() throws Exception {
            try {
                while (true) {
                    switch (toWorkbook.take()) {
                        case ToWorkbook.NextCategory next -> {
                            category = next.category();
                            sheetNumber = 0;
                            newSheet();
                        }
                        case ToWorkbook.Cells cells -> row(cells.values());
                        case ToWorkbook.Finish finish -> {
                            writeCover(finish.subject(), finish.generatedAt(), finish.recipients(), finish.counts());
                            try (OutputStream out = Files.newOutputStream(file)) {
                                workbook.write(out);
                            }
                            return null;
                        }
                    }
                }
            } finally {
                workbook.close();
            }
        }

        private void row(Object[] values) {
            if (sheetRow > maxSheetRows) {
                newSheet();
            }
            Row row = sheet.createRow(sheetRow++);
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                cell.setCellStyle(plainStyle);
                switch (value) {
                    case Number n -> cell.setCellValue(n.doubleValue());
                    case Boolean b -> cell.setCellValue(b);
                    default -> cell.setCellValue(SafeCells.text(value.toString()));
                }
            }
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

        private void writeCover(Subject subject, LocalDateTime generatedAt, String recipients, Map<PackageCategory, Long> rowCounts) {
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
            for (PackageCategory each : PackageCategory.values()) {
                Row row = cover.createRow(r++);
                row.createCell(0).setCellValue(SafeCells.text(each.key()));
                row.createCell(1).setCellValue(SafeCells.text(each.purpose()));
                row.createCell(2).setCellValue(SafeCells.text(each.retention()));
                row.createCell(3).setCellValue(SafeCells.text(each.recipients()));
                row.createCell(4).setCellValue(rowCounts.getOrDefault(each, 0L));
            }
            cover.setColumnWidth(0, 24 * 256);
            cover.setColumnWidth(1, 80 * 256);
            cover.setColumnWidth(2, 40 * 256);
            cover.setColumnWidth(3, 40 * 256);
        }

        private CellStyle bold() {
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
    }

    Map<PackageCategory, Long> counts() {
        return counts;
    }

    /**
     * Zips the finished files into {@code out} with {@value #MANIFEST} (sha256sum format) as the last entry and
     * returns the zip's own SHA-256 and size. The JSON and CSV files go first, copied as they are (they were
     * compressed as they were written), while the workbook's thread may still be writing the workbook; the workbook,
     * a zip of its own, goes last and is stored as it is.
     */
    Zipped zipTo(OutputStream out) throws IOException {
        MessageDigest zipDigest = sha256();
        long[] size = {0};
        long workbookWait = 0;
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
        List<String> order = new ArrayList<>(files);
        order.remove(WORKBOOK);
        order.add(WORKBOOK);
        StringBuilder manifest = new StringBuilder();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(counted)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (String name : order) {
                DeflatedFile compressed = deflated.get(name);
                if (compressed != null) {
                    try (InputStream raw = compressed.raw()) {
                        zip.addRawArchiveEntry(compressed.entry(name), raw);
                    }
                    manifest.append(compressed.sha256()).append("  ").append(name).append('\n');
                    continue;
                }
                ZipArchiveEntry entry = new ZipArchiveEntry(name);
                if (name.equals(WORKBOOK)) {
                    long waitStart = System.nanoTime();
                    awaitWorkbook();
                    workbookWait = (System.nanoTime() - waitStart) / 1_000_000;
                    entry.setMethod(ZipArchiveEntry.STORED);
                    entry.setSize(Files.size(dir.resolve(name)));
                    entry.setCrc(crc32(dir.resolve(name)));
                }
                MessageDigest entryDigest = sha256();
                zip.putArchiveEntry(entry);
                try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve(name)), entryDigest)) {
                    in.transferTo(zip);
                }
                zip.closeArchiveEntry();
                manifest.append(HexFormat.of().formatHex(entryDigest.digest())).append("  ").append(name).append('\n');
            }
            zip.putArchiveEntry(new ZipArchiveEntry(MANIFEST));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        return new Zipped(HexFormat.of().formatHex(zipDigest.digest()), size[0], workbookWait);
    }

    private void awaitWorkbook() throws IOException {
        try {
            workbookDone.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while writing the workbook", e);
        } catch (ExecutionException e) {
            throw new IOException("The workbook could not be written: " + e.getCause(), e.getCause());
        }
    }

    private static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(Files.newInputStream(file), crc)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return crc.getValue();
    }

    /** The zip's SHA-256 and size in bytes, and how long zipping waited for the workbook's thread to finish it. */
    record Zipped(String sha256, long size, long workbookWaitMillis) {
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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        workbookThread.shutdownNow();
        try {
            json.close();
            jsonOut.close();
            workbookThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            // best effort on the error path; the working directory is deleted by the caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deflated.values().forEach(DeflatedFile::discard);
        }
    }

    /** The compressed files still being written (after a failed build's close: none). */
    List<String> unfinishedFiles() {
        return deflated.entrySet().stream().filter(e -> e.getValue().unfinished()).map(Map.Entry::getKey).sorted().toList();
    }
}

package ru.rusoragentai.console.privacy.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ru.rusoragentai.console.privacy.Subject;

/**
 * Writes one access or portability package into a private working directory in three forms at once, from a single
 * pass over each category's rows: a workbook with a cover sheet and a sheet per category ({@link WorkbookFormat}), one
 * JSON document ({@link JsonFormat}) and a CSV file per category ({@link CsvFormat}). {@link #zipTo} then packs them
 * with the JSON schema and a SHA-256 manifest. Memory stays bounded whatever the row count. Not thread-safe; one per
 * build.
 */
final class PackageWriter implements AutoCloseable {

    static final String WORKBOOK = WorkbookFormat.FILE;
    static final String JSON_FILE = JsonFormat.FILE;
    static final String SCHEMA_FILE = "schema.json";
    static final String MANIFEST = PackageZip.MANIFEST;
    static final String SCHEMA_RESOURCE = "/privacy/package.schema.json";
    /** A sheet holds 1,048,576 rows; longer categories continue on "name 2", "name 3"... */
    static final int MAX_SHEET_ROWS = 1_048_575;

    private final Path dir;
    private final JsonFormat json;
    private final CsvFormat csv;
    private final WorkbookFormat workbook;
    /** Fed in this order: the workbook last, as it keeps the row for its own thread. */
    private final List<PackageFormat> formats;
    private final Map<PackageCategory, Long> counts = new EnumMap<>(PackageCategory.class);

    PackageWriter(Path dir, Subject subject, LocalDateTime generatedAt) throws IOException {
        this(dir, subject, generatedAt, MAX_SHEET_ROWS);
    }

    /** With fewer rows per sheet than a workbook allows: tests of the continuation sheets. */
    PackageWriter(Path dir, Subject subject, LocalDateTime generatedAt, int maxSheetRows) throws IOException {
        this.dir = dir;
        workbook = new WorkbookFormat(dir, maxSheetRows);
        csv = new CsvFormat(dir);
        json = new JsonFormat(dir, subject, generatedAt);
        formats = List.of(json, csv, workbook);
    }

    /** Receives a category's rows in column order; returns the sink to feed, closed with {@link CategorySink#close}. */
    CategorySink category(PackageCategory category) throws IOException {
        for (PackageFormat format : formats) {
            format.startCategory(category);
        }
        return new CategorySink(category);
    }

    /** One category being written to every form at once. */
    final class CategorySink implements AutoCloseable {

        private final PackageCategory category;
        private long rows;

        private CategorySink(PackageCategory category) {
            this.category = category;
        }

        /** One row; the array is handed over and must not be changed afterwards. */
        void row(Object[] values) {
            if (values.length != category.columns().size()) {
                throw new IllegalArgumentException(category.key() + " rows have " + category.columns().size() + " columns, got " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = plain(values[i]);
            }
            try {
                for (PackageFormat format : formats) {
                    format.row(values);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
        }

        @Override
        public void close() throws IOException {
            for (PackageFormat format : formats) {
                format.endCategory();
            }
            counts.put(category, rows);
        }
    }

    /**
     * Finishes every form and copies the schema; the workbook's thread may still be writing the workbook, which
     * {@link #zipTo} waits for last.
     */
    void finish(Subject subject, LocalDateTime generatedAt, String recipients) throws IOException {
        PackageFormat.Cover cover = new PackageFormat.Cover(subject, generatedAt, recipients, new EnumMap<>(counts));
        for (PackageFormat format : formats) {
            format.finish(cover);
        }
        try (InputStream schema = PackageWriter.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            Files.copy(schema, dir.resolve(SCHEMA_FILE));
        }
    }

    Map<PackageCategory, Long> counts() {
        return counts;
    }

    /**
     * Zips the finished files into {@code out}: the JSON document, the schema and the CSV files first, while the
     * workbook's thread may still be writing the workbook, which goes last.
     */
    PackageZip.Zipped zipTo(OutputStream out) throws IOException {
        List<PackageZip.Entry> entries = new ArrayList<>(json.entries());
        entries.add(new PackageZip.Plain(SCHEMA_FILE, dir.resolve(SCHEMA_FILE)));
        entries.addAll(csv.entries());
        entries.addAll(workbook.entries());
        return PackageZip.write(entries, out);
    }

    /** Values as the forms take them: dates as ISO text, MariaDB's tinyint flags as booleans, decimals as text. */
    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDateTime t -> t.toString();
            case LocalDate d -> d.toString();
            case Byte b -> b.intValue() != 0 ? Boolean.TRUE : Boolean.FALSE;
            case BigDecimal d -> d.toString();
            case Number n -> n;
            case Boolean b -> b;
            default -> value.toString();
        };
    }

    @Override
    public void close() {
        formats.forEach(PackageFormat::discard);
    }

    /** The compressed files still being written (after a failed build's close: none). */
    List<String> unfinishedFiles() {
        List<String> unfinished = new ArrayList<>(csv.unfinished());
        if (json.unfinished()) {
            unfinished.add(JSON_FILE);
        }
        return unfinished.stream().sorted().toList();
    }
}

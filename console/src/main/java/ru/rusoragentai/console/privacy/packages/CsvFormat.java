package ru.rusoragentai.console.privacy.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import ru.rusoragentai.console.export.DeflatedFile;
import ru.rusoragentai.console.export.SafeCells;
import ru.rusoragentai.console.export.UnlockedWriter;

/** The package as one RFC 4180 CSV file per category under {@code csv/}, each compressed as it is written. */
final class CsvFormat implements PackageFormat {

    private final Path dir;
    private final Map<String, DeflatedFile> files = new LinkedHashMap<>();
    private CSVPrinter csv;

    CsvFormat(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("csv"));
    }

    static String fileName(PackageCategory category) {
        return "csv/" + category.key() + ".csv";
    }

    @Override
    public void startCategory(PackageCategory category) throws IOException {
        String name = fileName(category);
        DeflatedFile file = new DeflatedFile(dir.resolve(name + ".deflate"));
        files.put(name, file);
        csv = new CSVPrinter(new UnlockedWriter(file.open()),
                CSVFormat.RFC4180.builder().setHeader(category.columns().toArray(String[]::new)).get());
    }

    @Override
    public void row(Object[] values) throws IOException {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = switch (values[i]) {
                case null -> "";
                case String text -> SafeCells.text(text);
                case Object other -> other;
            };
        }
        csv.printRecord(cells);
    }

    @Override
    public void endCategory() throws IOException {
        csv.close();
    }

    @Override
    public void finish(Cover cover) {
        // every file was finished with its category
    }

    @Override
    public List<PackageZip.Entry> entries() {
        List<PackageZip.Entry> entries = new ArrayList<>();
        files.forEach((name, file) -> entries.add(new PackageZip.Compressed(name, file)));
        return entries;
    }

    /** The files still being written (for tests of the error path). */
    List<String> unfinished() {
        return files.entrySet().stream().filter(e -> e.getValue().unfinished()).map(Map.Entry::getKey).toList();
    }

    @Override
    public void discard() {
        files.values().forEach(DeflatedFile::discard);
    }
}

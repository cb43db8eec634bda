package ru.rusoragentai.console.privacy.packages;

import ru.rusoragentai.console.privacy.Subject;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package writer on its own: continuation sheets past a sheet's row limit, and the zip's entries and manifest. */
class PackageWriterTest {

    @TempDir
    Path dir;

    @Test
    void shouldContinueALongCategoryOnNumberedSheetsWithEveryRowOnce() throws Exception {
        Subject subject = new Subject(7, 70, "user7", null, "User Seven", List.of());
        LocalDateTime now = LocalDateTime.of(2026, 11, 27, 12, 0);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (PackageWriter writer = new PackageWriter(dir, subject, now, 10)) {
            for (PackageCategory category : PackageCategory.values()) {
                try (PackageWriter.CategorySink sink = writer.category(category)) {
                    if (category == PackageCategory.USAGE) {
                        for (int i = 0; i < 25; i++) {
                            sink.row(new Object[] {(long) i, now.minusMinutes(i), "anthropic", "claude-sonnet-4", "chat", 100, 50, 150L,
                                    900, "ok", "203.0.113.7", null});
                        }
                    }
                }
            }
            writer.finish(subject, now, "Anthropic");
            writer.zipTo(zipped);
        }

        Map<String, byte[]> entries = unzip(zipped.toByteArray());
        assertThat(entries).containsKeys(PackageWriter.WORKBOOK, PackageWriter.JSON_FILE, PackageWriter.MANIFEST, "csv/usage.csv");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(entries.get(PackageWriter.WORKBOOK)))) {
            Sheet first = workbook.getSheet("usage");
            Sheet second = workbook.getSheet("usage 2");
            Sheet third = workbook.getSheet("usage 3");
            assertThat(workbook.getSheet("usage 4")).isNull();
            assertThat(List.of(first.getLastRowNum(), second.getLastRowNum(), third.getLastRowNum()))
                    .as("10 + 10 + 5 rows under a header each").containsExactly(10, 10, 5);
            assertThat(second.getRow(0).getCell(0).getStringCellValue()).isEqualTo("event_id");
            assertThat(third.getRow(5).getCell(0).getNumericCellValue()).isEqualTo(24.0);
        }
        String manifest = new String(entries.get(PackageWriter.MANIFEST), StandardCharsets.UTF_8);
        for (var entry : entries.entrySet()) {
            if (!entry.getKey().equals(PackageWriter.MANIFEST)) {
                String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(entry.getValue()));
                assertThat(manifest).contains(sum + "  " + entry.getKey());
            }
        }
    }

    @Test
    void shouldReleaseEveryCompressorWhenABuildFailsHalfWay() throws Exception {
        Subject subject = new Subject(7, 70, "user7", null, "User Seven", List.of());
        LocalDateTime now = LocalDateTime.of(2026, 11, 27, 12, 0);
        PackageWriter writer = new PackageWriter(dir, subject, now);
        PackageWriter.CategorySink sink = writer.category(PackageCategory.USAGE);
        sink.row(new Object[] {1L, now, "anthropic", "claude-sonnet-4", "chat", 100, 50, 150L, 900, "ok", "203.0.113.7", null});
        assertThat(writer.unfinishedFiles()).containsExactly("csv/usage.csv", PackageWriter.JSON_FILE);

        // the rows failed here: the sink is never closed and finish() never runs
        writer.close();

        assertThat(writer.unfinishedFiles()).isEmpty();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), ((InputStream) in).readAllBytes());
            }
        }
        return entries;
    }
}

package ru.rusoragentai.console.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import ru.rusoragentai.console.analytics.UsageQuery;
import ru.rusoragentai.console.analytics.downloads.Download;
import ru.rusoragentai.console.analytics.downloads.DownloadService;
import ru.rusoragentai.console.analytics.downloads.EventFormat;
import ru.rusoragentai.console.security.Role;

/**
 * The event-level export on a loaded database (see bench/exports.sh): for ranges of about 1M and 5M events, the
 * console's background export to XLSX and to gzipped CSV (queued, built by its worker, encrypted, stored), beside the
 * floor of a plain buffered CSV write of the same rows from the same query and beside POI's plain SXSSFWorkbook writing
 * the same cells. Prints RESULT lines with rows per second and the peak heap of each; run it with -Xmx256m to hold the
 * heap to the goal.
 */
public final class ExportBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ExportBenchmark.class);

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = BenchContext.start(args, "--console.analytics.exports.dir=target/bench-exports")) {
            BenchContext.signIn("bench-analyst", Role.ANALYST);
            ExportBenchData data = context.getBean(ExportBenchData.class);
            DownloadService downloads = context.getBean(DownloadService.class);
            log.info("RESULT max heap {} MB", Runtime.getRuntime().maxMemory() >> 20);
            for (long wanted : new long[] {1_000_000, 5_000_000}) {
                LocalDate[] range = data.rangeWithEvents(wanted);
                UsageQuery query = UsageQuery.of(range[0], range[1]);
                Path dir = Files.createDirectories(Path.of("target/bench-exports"));
                String label = (wanted / 1_000_000) + "M";

                measure(label + " floor: plain buffered CSV of the same query", () -> data.plainCsv(query, dir.resolve("plain.csv")));
                measure(label + " POI plain SXSSFWorkbook, the same cells", () -> data.plainSxssf(query, dir.resolve("plain.xlsx")));
                measure(label + " console export, XLSX (encrypted, stored)", () -> export(downloads, query, EventFormat.XLSX));
                measure(label + " console export, gzipped CSV (encrypted, stored)", () -> export(downloads, query, EventFormat.CSV_GZ));
                Files.deleteIfExists(dir.resolve("plain.csv"));
                Files.deleteIfExists(dir.resolve("plain.xlsx"));
            }
        }
    }

    /** Queues an export and waits for its worker; returns the rows it wrote. */
    private static long export(DownloadService downloads, UsageQuery query, EventFormat format) throws InterruptedException {
        long id = downloads.requestEvents(query, format, key -> key);
        while (true) {
            Download download = downloads.mine().stream().filter(d -> d.id() == id).findFirst().orElseThrow();
            if (download.status().finished()) {
                if (download.status() != Download.Status.DONE) {
                    throw new IllegalStateException("export " + id + " ended " + download.status() + ": " + download.error());
                }
                log.info("RESULT   file {} MB", download.sizeBytes() == null ? 0 : download.sizeBytes() >> 20);
                return download.rowsDone();
            }
            Thread.sleep(200);
        }
    }

    interface Work {
        long run() throws Exception;
    }

    /**
     * Times the work and prints its rows per second and three heap figures: the sum of the heap pools' peaks (an upper
     * bound: the pools peak at different times), the most heap in use at once (sampled every 10 ms) and the most left
     * after a collection (what the work holds on to; the figure that must not grow with the rows).
     */
    private static void measure(String what, Work work) throws Exception {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] inUse = {0};
        long[] afterGc = {0};
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                inUse[0] = Math.max(inUse[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                afterGc[0] = Math.max(afterGc[0], heapPools().stream().map(MemoryPoolMXBean::getCollectionUsage)
                        .filter(java.util.Objects::nonNull).mapToLong(java.lang.management.MemoryUsage::getUsed).sum());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        long rows = work.run();
        long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        sampler.interrupt();
        sampler.join();
        long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        log.info("RESULT {}: {} rows in {} ms, {} rows/s, heap: sum of pool peaks {} MB, most in use at once {} MB, most left after"
                + " a collection {} MB", what, rows, ms, rows * 1000 / ms, peak >> 20, inUse[0] >> 20, afterGc[0] >> 20);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Writes CSV the plainest way: values joined by commas, one buffered writer (no quoting, no formula guard). */
    static void csvLine(BufferedWriter out, Object[] row) throws IOException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(String.valueOf(row[i]));
        }
        out.write('\n');
    }

    /** The same cells into POI's own streaming workbook with its defaults, a new sheet every 1,048,575 rows. */
    static long sxssf(Iterable<Object[]> rows, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = null;
            int index = 0;
            long written = 0;
            for (Object[] values : rows) {
                if (sheet == null || index > 1_048_575) {
                    sheet = workbook.createSheet("events " + (workbook.getNumberOfSheets() + 1));
                    index = 0;
                    sheet.createRow(index++).createCell(0).setCellValue("header");
                }
                Row row = sheet.createRow(index++);
                for (int i = 0; i < values.length; i++) {
                    Object value = values[i];
                    if (value instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (value instanceof java.time.LocalDateTime t) {
                        row.createCell(i).setCellValue(t);
                    } else {
                        row.createCell(i).setCellValue(String.valueOf(value));
                    }
                }
                written++;
            }
            workbook.write(out);
            return written;
        } finally {
            workbook.close();
        }
    }

}

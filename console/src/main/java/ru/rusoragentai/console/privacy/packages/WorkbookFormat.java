package ru.rusoragentai.console.privacy.packages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import ru.rusoragentai.console.export.StreamingWorkbooks;

/**
 * The package as a workbook: a cover sheet and a sheet per category, continued on "name 2", "name 3"... past a
 * sheet's row limit. The slowest of the three forms, so it is written on a thread of its own that owns every POI
 * call; the caller's thread hands it typed messages through a bounded queue, which keeps memory bounded.
 */
final class WorkbookFormat implements PackageFormat {

    static final String FILE = "personal-data.xlsx";

    /** What the caller's thread hands the workbook's thread, in order. */
    private sealed interface ToWorkbook {
        /** The rows that follow belong to this category: a sheet of its own starts. */
        record NextCategory(PackageCategory category) implements ToWorkbook {
        }

        /** One row's cells, in column order. */
        record Cells(Object[] values) implements ToWorkbook {
        }

        /** Nothing follows: add the cover sheet and write the workbook. */
        record Finish(Cover cover) implements ToWorkbook {
        }
    }

    private final Path file;
    private final int maxSheetRows;
    private final BlockingQueue<ToWorkbook> queue = new ArrayBlockingQueue<>(16_384);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("package-workbook").factory());
    private final Future<?> done;

    WorkbookFormat(Path dir, int maxSheetRows) {
        this.file = dir.resolve(FILE);
        this.maxSheetRows = maxSheetRows;
        done = thread.submit(new Writer());
    }

    @Override
    public void startCategory(PackageCategory category) {
        send(new ToWorkbook.NextCategory(category));
    }

    @Override
    public void row(Object[] values) {
        send(new ToWorkbook.Cells(values));
    }

    @Override
    public void endCategory() {
        // the next category, or the cover, starts a new sheet
    }

    /** Asks the workbook's thread to add the cover and write the file; does not wait (see {@link #entries}). */
    @Override
    public void finish(Cover cover) {
        send(new ToWorkbook.Finish(cover));
    }

    /** The workbook, a zip of its own, stored as it is once its thread has written it. */
    @Override
    public List<PackageZip.Entry> entries() {
        return List.of(new PackageZip.Stored(FILE, file, this::await));
    }

    private void send(ToWorkbook message) {
        try {
            while (!queue.offer(message, 100, TimeUnit.MILLISECONDS)) {
                if (done.isDone()) {
                    done.get();
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

    private void await() throws IOException {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while writing the workbook", e);
        } catch (ExecutionException e) {
            throw new IOException("The workbook could not be written: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void discard() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Owns the streaming workbook: every POI call happens on its thread. */
    private final class Writer implements Callable<Void> {

        private final SXSSFWorkbook workbook = StreamingWorkbooks.create(200);
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

        @Override
        public Void call() throws Exception {
            try {
                while (true) {
                    switch (queue.take()) {
                        case ToWorkbook.NextCategory next -> {
                            category = next.category();
                            sheetNumber = 0;
                            newSheet();
                        }
                        case ToWorkbook.Cells cells -> row(cells.values());
                        case ToWorkbook.Finish finish -> {
                            writeCover(finish.cover());
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
                    // a string cell is never evaluated: the text stays as it is, unlike in CSV
                    default -> cell.setCellValue(value.toString());
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

        private void writeCover(Cover about) {
            int r = 0;
            text(cover.createRow(r++), "Your personal data held by RusorAgentAI", true);
            text(cover.createRow(r++), "Generated " + about.generatedAt().toLocalDate() + " (UTC) for user " + about.subject().userId(), false);
            text(cover.createRow(r++), "Recipients of personal data: " + about.recipients(), false);
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
                row.createCell(0).setCellValue(each.key());
                row.createCell(1).setCellValue(each.purpose());
                row.createCell(2).setCellValue(each.retention());
                row.createCell(3).setCellValue(each.recipients());
                row.createCell(4).setCellValue(about.counts().getOrDefault(each, 0L));
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
            cell.setCellValue(value);
            if (heading) {
                cell.setCellStyle(bold());
            }
        }
    }
}

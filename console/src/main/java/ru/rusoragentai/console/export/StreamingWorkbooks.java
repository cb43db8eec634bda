package ru.rusoragentai.console.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's streaming workbook as every export of the console writes it: a bounded window of rows in memory, the fastest
 * deflate level (exports are zipped or downloaded once), sheet XML without per-cell style lookups
 * ({@link PlainCellsSheetWriter}), and zip entries dated when the workbook was written (POI leaves them undated, which
 * archive tools show as 1980-00-00).
 */
public final class StreamingWorkbooks {

    private StreamingWorkbooks() {
    }

    /** A streaming workbook keeping {@code window} rows per sheet in memory. */
    public static SXSSFWorkbook create(int window) {
        long writtenAt = System.currentTimeMillis();
        return new SXSSFWorkbook(window) {
            @Override
            protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
                ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out) {
                    @Override
                    public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                        if (entry.getTime() <= 0) {
                            entry.setTime(writtenAt);
                        }
                        super.putArchiveEntry(entry);
                    }
                };
                zip.setUseZip64(zip64Mode);
                zip.setLevel(Deflater.BEST_SPEED);
                return zip;
            }

            @Override
            protected SheetDataWriter createSheetDataWriter() throws IOException {
                return new PlainCellsSheetWriter();
            }
        };
    }
}

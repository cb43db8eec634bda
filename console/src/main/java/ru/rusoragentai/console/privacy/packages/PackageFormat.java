package ru.rusoragentai.console.privacy.packages;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import ru.rusoragentai.console.privacy.Subject;

/**
 * One form of an access or portability package (the workbook, the JSON document, the CSV files). {@link PackageWriter}
 * feeds every form the same categories and rows once, in order, and zips what they wrote.
 */
sealed interface PackageFormat permits JsonFormat, CsvFormat, WorkbookFormat {

    /** The rows that follow belong to this category. */
    void startCategory(PackageCategory category) throws IOException;

    /**
     * One row in the category's column order; each value is null, a {@link Number} that is not a BigDecimal, a
     * Boolean or a String. The array is never changed afterwards, so a form may keep it.
     */
    void row(Object[] values) throws IOException;

    /** The category's last row was given. */
    void endCategory() throws IOException;

    /** Nothing follows; a form may finish its file in the background as long as {@link #entries} waits for it. */
    void finish(Cover cover) throws IOException;

    /** What this form adds to the zip, in order. */
    List<PackageZip.Entry> entries();

    /** Releases what is still open, on the error path as well; never throws. */
    void discard();

    /** What the cover sheet says about the package. */
    record Cover(Subject subject, LocalDateTime generatedAt, String recipients, Map<PackageCategory, Long> counts) {
    }
}

package ru.rusoragentai.console.export;

/**
 * One column of an exported table: its header, what its cells hold (which decides the cell type and number format in
 * a workbook) and its width in characters.
 */
public record Column(String header, Kind kind, int width) {

    /** What a column's cells hold. */
    public enum Kind {
        /** Text, never evaluated in a workbook; formula-safe in CSV. */
        TEXT,
        /** Whole numbers, with thousands separators in a workbook. */
        INTEGER,
        /** A share from 0 to 1, shown as a percentage with one decimal in a workbook. */
        PERCENT,
        /** Decimal numbers with two places in a workbook. */
        DECIMAL,
        /** ISO dates (a {@link java.time.LocalDate}), as real dates in a workbook. */
        DATE,
        /** Times of day on a date (a {@link java.time.LocalDateTime}, UTC), as real date-times in a workbook. */
        DATE_TIME
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT, Math.max(12, header.length() + 2));
    }

    public static Column integer(String header) {
        return new Column(header, Kind.INTEGER, Math.max(14, header.length() + 2));
    }

    public static Column percent(String header) {
        return new Column(header, Kind.PERCENT, Math.max(10, header.length() + 2));
    }

    public static Column decimal(String header) {
        return new Column(header, Kind.DECIMAL, Math.max(14, header.length() + 2));
    }

    public static Column dateTime(String header) {
        return new Column(header, Kind.DATE_TIME, Math.max(20, header.length() + 2));
    }

    public static Column date(String header) {
        return new Column(header, Kind.DATE, Math.max(12, header.length() + 2));
    }
}

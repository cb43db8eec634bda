package ru.rusoragentai.console.analytics;

/** The file formats a report exports to. */
public enum ExportFormat {
    XLSX, CSV, CSV_WITH_BOM;

    public String extension() {
        return this == XLSX ? "xlsx" : "csv";
    }

    public String mediaType() {
        return this == XLSX ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8";
    }
}

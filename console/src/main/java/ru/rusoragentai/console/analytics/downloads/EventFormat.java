package ru.rusoragentai.console.analytics.downloads;

/** The files an event-level export is written as: a workbook (continued on further sheets past a sheet's rows) or gzipped CSV. */
public enum EventFormat {
    XLSX("xlsx"), CSV_GZ("csv.gz");

    private final String extension;

    EventFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}

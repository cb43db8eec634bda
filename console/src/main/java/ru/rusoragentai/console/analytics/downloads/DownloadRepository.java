package ru.rusoragentai.console.analytics.downloads;

import static ru.rusoragentai.db.Tables.EXPORT_FILE;
import static ru.rusoragentai.db.Tables.REPORT_EXPORT;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The analysts' export jobs ({@code report_export}) and the files they made ({@code export_file}). */
@Repository
class DownloadRepository {

    /** What a worker needs to build an export. */
    record Job(long id, String requestedBy, String kind, String title, String params, String format) {
    }

    /** A built export's file. */
    record StoredFile(String fileName, String storagePath, String sha256, long sizeBytes) {
    }

    private final DSLContext dsl;

    DownloadRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(String requestedBy, String kind, String title, String params, String format, long rowsExpected,
                @Nullable Long savedReportId, LocalDateTime now) {
        return dsl.insertInto(REPORT_EXPORT).set(REPORT_EXPORT.REQUESTED_BY, requestedBy).set(REPORT_EXPORT.KIND, kind)
                .set(REPORT_EXPORT.TITLE, title).set(REPORT_EXPORT.PARAMS, params).set(REPORT_EXPORT.FORMAT, format)
                .set(REPORT_EXPORT.STATUS, "queued").set(REPORT_EXPORT.ROWS_EXPECTED, rowsExpected)
                .set(REPORT_EXPORT.SAVED_REPORT_ID, savedReportId).set(REPORT_EXPORT.CREATED_AT, now)
                .returningResult(REPORT_EXPORT.ID).fetchSingle().value1();
    }

    /** A staff member's exports, newest first. */
    List<Download> list(String requestedBy, LocalDateTime now, int limit) {
        return dsl.select(REPORT_EXPORT.fields()).select(EXPORT_FILE.FILE_NAME, EXPORT_FILE.SIZE_BYTES, EXPORT_FILE.EXPIRES_AT,
                        EXPORT_FILE.DELETED_AT)
                .from(REPORT_EXPORT).leftJoin(EXPORT_FILE).on(EXPORT_FILE.ID.eq(REPORT_EXPORT.EXPORT_FILE_ID))
                .where(REPORT_EXPORT.REQUESTED_BY.eq(requestedBy))
                .orderBy(REPORT_EXPORT.CREATED_AT.desc(), REPORT_EXPORT.ID.desc()).limit(limit)
                .fetch(r -> download(r, now));
    }

    Optional<Download> find(long id, LocalDateTime now) {
        return dsl.select(REPORT_EXPORT.fields()).select(EXPORT_FILE.FILE_NAME, EXPORT_FILE.SIZE_BYTES, EXPORT_FILE.EXPIRES_AT,
                        EXPORT_FILE.DELETED_AT)
                .from(REPORT_EXPORT).leftJoin(EXPORT_FILE).on(EXPORT_FILE.ID.eq(REPORT_EXPORT.EXPORT_FILE_ID))
                .where(REPORT_EXPORT.ID.eq(id)).fetchOptional(r -> download(r, now));
    }

    Optional<String> requestedBy(long id) {
        return dsl.select(REPORT_EXPORT.REQUESTED_BY).from(REPORT_EXPORT).where(REPORT_EXPORT.ID.eq(id)).fetchOptional(REPORT_EXPORT.REQUESTED_BY);
    }

    Optional<Job> job(long id) {
        return dsl.selectFrom(REPORT_EXPORT).where(REPORT_EXPORT.ID.eq(id)).fetchOptional(r -> new Job(r.getId(), r.getRequestedBy(),
                r.getKind(), r.getTitle(), r.getParams(), r.getFormat()));
    }

    Optional<StoredFile> file(long id) {
        return dsl.select(EXPORT_FILE.FILE_NAME, EXPORT_FILE.STORAGE_PATH, EXPORT_FILE.SHA256, EXPORT_FILE.SIZE_BYTES)
                .from(REPORT_EXPORT).join(EXPORT_FILE).on(EXPORT_FILE.ID.eq(REPORT_EXPORT.EXPORT_FILE_ID))
                .where(REPORT_EXPORT.ID.eq(id), EXPORT_FILE.DELETED_AT.isNull())
                .fetchOptional(r -> new StoredFile(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Takes a queued job for this worker; false when another took it first or it was cancelled. */
    boolean claim(long id, LocalDateTime now) {
        return dsl.update(REPORT_EXPORT).set(REPORT_EXPORT.STATUS, "running").set(REPORT_EXPORT.STARTED_AT, now)
                .set(REPORT_EXPORT.HEARTBEAT_AT, now).where(REPORT_EXPORT.ID.eq(id), REPORT_EXPORT.STATUS.eq("queued")).execute() == 1;
    }

    /** Records how far a running job is; returns whether its cancellation was asked for. */
    boolean progress(long id, long rowsDone, LocalDateTime now) {
        dsl.update(REPORT_EXPORT).set(REPORT_EXPORT.ROWS_DONE, rowsDone).set(REPORT_EXPORT.HEARTBEAT_AT, now)
                .where(REPORT_EXPORT.ID.eq(id)).execute();
        return Boolean.TRUE.equals(dsl.select(REPORT_EXPORT.CANCEL_REQUESTED).from(REPORT_EXPORT).where(REPORT_EXPORT.ID.eq(id))
                .fetchOne(REPORT_EXPORT.CANCEL_REQUESTED));
    }

    /** Asks a job to stop: a queued one is cancelled at once, a running one when its worker next reports. */
    int cancel(long id, LocalDateTime now) {
        int queued = dsl.update(REPORT_EXPORT).set(REPORT_EXPORT.STATUS, "cancelled").set(REPORT_EXPORT.CANCEL_REQUESTED, true)
                .set(REPORT_EXPORT.FINISHED_AT, now).where(REPORT_EXPORT.ID.eq(id), REPORT_EXPORT.STATUS.eq("queued")).execute();
        return queued + dsl.update(REPORT_EXPORT).set(REPORT_EXPORT.CANCEL_REQUESTED, true)
                .where(REPORT_EXPORT.ID.eq(id), REPORT_EXPORT.STATUS.eq("running")).execute();
    }

    /** Of the given storage paths, those a stored file refers to. */
    java.util.Set<String> storedPaths(List<String> paths) {
        return new java.util.HashSet<>(dsl.select(EXPORT_FILE.STORAGE_PATH).from(EXPORT_FILE).where(EXPORT_FILE.STORAGE_PATH.in(paths))
                .fetch(EXPORT_FILE.STORAGE_PATH));
    }

    long insertFile(String fileName, String storagePath, String sha256, long size, String createdBy, LocalDateTime now,
                    LocalDateTime expiresAt) {
        return dsl.insertInto(EXPORT_FILE).set(EXPORT_FILE.KIND, "analyst_export").set(EXPORT_FILE.FILE_NAME, fileName)
                .set(EXPORT_FILE.STORAGE_PATH, storagePath).set(EXPORT_FILE.SHA256, sha256).set(EXPORT_FILE.SIZE_BYTES, size)
                .set(EXPORT_FILE.CREATED_BY, createdBy).set(EXPORT_FILE.CREATED_AT, now).set(EXPORT_FILE.EXPIRES_AT, expiresAt)
                .returningResult(EXPORT_FILE.ID).fetchSingle().value1();
    }

    void finish(long id, long fileId, long rows, LocalDateTime now) {
        dsl.update(REPORT_EXPORT).set(REPORT_EXPORT.STATUS, "done").set(REPORT_EXPORT.EXPORT_FILE_ID, fileId)
                .set(REPORT_EXPORT.ROWS_DONE, rows).set(REPORT_EXPORT.FINISHED_AT, now).where(REPORT_EXPORT.ID.eq(id)).execute();
    }

    void end(long id, String status, @Nullable String error, LocalDateTime now) {
        dsl.update(REPORT_EXPORT).set(REPORT_EXPORT.STATUS, status)
                .set(REPORT_EXPORT.ERROR, error == null ? null : error.substring(0, Math.min(500, error.length())))
                .set(REPORT_EXPORT.FINISHED_AT, now).where(REPORT_EXPORT.ID.eq(id)).execute();
    }

    /** Queued jobs, oldest first. */
    List<Long> queued(int limit) {
        return dsl.select(REPORT_EXPORT.ID).from(REPORT_EXPORT).where(REPORT_EXPORT.STATUS.eq("queued"))
                .orderBy(REPORT_EXPORT.CREATED_AT).limit(limit).fetch(REPORT_EXPORT.ID);
    }

    /** Running jobs whose worker went quiet before {@code before} are queued again (from the start). */
    int requeueStale(LocalDateTime before) {
        return dsl.update(REPORT_EXPORT).set(REPORT_EXPORT.STATUS, "queued").set(REPORT_EXPORT.ROWS_DONE, 0L)
                .where(REPORT_EXPORT.STATUS.eq("running"), REPORT_EXPORT.HEARTBEAT_AT.lt(before)).execute();
    }

    private static Download download(Record r, LocalDateTime now) {
        LocalDateTime expires = r.get(EXPORT_FILE.EXPIRES_AT);
        Download.Status status = Download.Status.valueOf(r.get(REPORT_EXPORT.STATUS).toUpperCase(Locale.ROOT));
        boolean available = status == Download.Status.DONE && expires != null && expires.isAfter(now)
                && r.get(EXPORT_FILE.DELETED_AT) == null;
        return new Download(r.get(REPORT_EXPORT.ID), r.get(REPORT_EXPORT.KIND), r.get(REPORT_EXPORT.TITLE), r.get(REPORT_EXPORT.FORMAT),
                status, r.get(REPORT_EXPORT.ROWS_EXPECTED), r.get(REPORT_EXPORT.ROWS_DONE), r.get(REPORT_EXPORT.ERROR),
                r.get(REPORT_EXPORT.CREATED_AT), r.get(REPORT_EXPORT.FINISHED_AT), r.get(EXPORT_FILE.FILE_NAME),
                r.get(EXPORT_FILE.SIZE_BYTES), expires, available);
    }

    static String lower(Download.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}

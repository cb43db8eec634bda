package ru.rusoragentai.console.privacy;

import static ru.rusoragentai.db.Tables.EXPORT_FILE;
import static ru.rusoragentai.db.Tables.PRIVACY_RECIPIENT;
import static ru.rusoragentai.db.Tables.PRIVACY_REQUEST;
import static ru.rusoragentai.db.Tables.PRIVACY_TASK;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.console.i18n.TextJson;
import ru.rusoragentai.console.privacy.PrivacyTask.TaskStatus;

/** Tasks, Art. 19 recipients, the subject snapshot and export packages of privacy requests. */
@Repository
public class PrivacyTaskRepository {

    private final DSLContext dsl;

    PrivacyTaskRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Adds the tasks that are missing (positions in list order); existing ones keep their state. */
    public void plan(long requestId, List<String> systems) {
        for (int i = 0; i < systems.size(); i++) {
            dsl.insertInto(PRIVACY_TASK)
                    .set(PRIVACY_TASK.REQUEST_ID, requestId)
                    .set(PRIVACY_TASK.DATA_SYSTEM, systems.get(i))
                    .set(PRIVACY_TASK.POSITION, i)
                    .set(PRIVACY_TASK.STATUS, TaskStatus.PENDING.dbValue())
                    .onDuplicateKeyIgnore()
                    .execute();
        }
    }

    public List<PrivacyTask> tasks(long requestId) {
        return dsl.selectFrom(PRIVACY_TASK).where(PRIVACY_TASK.REQUEST_ID.eq(requestId))
                .orderBy(PRIVACY_TASK.POSITION, PRIVACY_TASK.ID).fetch(PrivacyTaskRepository::task);
    }

    public Optional<PrivacyTask> task(long requestId, String system) {
        return dsl.selectFrom(PRIVACY_TASK).where(PRIVACY_TASK.REQUEST_ID.eq(requestId), PRIVACY_TASK.DATA_SYSTEM.eq(system))
                .fetchOptional(PrivacyTaskRepository::task);
    }

    /** Puts a finished or failed task back to pending (a package rebuilt, a failed erasure step retried). */
    public void reset(long taskId) {
        dsl.update(PRIVACY_TASK)
                .set(PRIVACY_TASK.STATUS, TaskStatus.PENDING.dbValue())
                .set(PRIVACY_TASK.PROGRESS, 0)
                .set(PRIVACY_TASK.RESULT, (String) null)
                .set(PRIVACY_TASK.LAST_ERROR, (String) null)
                .set(PRIVACY_TASK.FINISHED_AT, (LocalDateTime) null)
                .setNull(PRIVACY_TASK.CLAIMED_UNTIL)
                .where(PRIVACY_TASK.ID.eq(taskId), PRIVACY_TASK.STATUS.ne(TaskStatus.RUNNING.dbValue()))
                .execute();
    }

    /**
     * Takes a task for one worker until {@code until}: a pending or failed one, or a running one whose claim ran out
     * (its worker died). False when someone else holds it or it is done.
     */
    public boolean claim(long taskId, String worker, LocalDateTime now, LocalDateTime until) {
        return dsl.update(PRIVACY_TASK)
                .set(PRIVACY_TASK.STATUS, TaskStatus.RUNNING.dbValue())
                .set(PRIVACY_TASK.ATTEMPTS, PRIVACY_TASK.ATTEMPTS.plus(1))
                .set(PRIVACY_TASK.CLAIMED_BY, worker)
                .set(PRIVACY_TASK.CLAIMED_UNTIL, until)
                .set(PRIVACY_TASK.STARTED_AT, DSL.coalesce(PRIVACY_TASK.STARTED_AT, DSL.val(now)))
                .where(PRIVACY_TASK.ID.eq(taskId))
                .and(PRIVACY_TASK.STATUS.in(TaskStatus.PENDING.dbValue(), TaskStatus.FAILED.dbValue())
                        .or(PRIVACY_TASK.STATUS.eq(TaskStatus.RUNNING.dbValue()).and(PRIVACY_TASK.CLAIMED_UNTIL.lt(now))))
                .execute() == 1;
    }

    /** Progress and a fresh claim while a long task runs; false when the claim was lost to another worker. */
    public boolean heartbeat(long taskId, String worker, int progress, LocalDateTime until) {
        return dsl.update(PRIVACY_TASK)
                .set(PRIVACY_TASK.PROGRESS, Math.max(0, Math.min(100, progress)))
                .set(PRIVACY_TASK.CLAIMED_UNTIL, until)
                .where(PRIVACY_TASK.ID.eq(taskId), PRIVACY_TASK.CLAIMED_BY.eq(worker),
                        PRIVACY_TASK.STATUS.eq(TaskStatus.RUNNING.dbValue()))
                .execute() == 1;
    }

    public void finish(long taskId, String worker, String result, String resultText, LocalDateTime now) {
        dsl.update(PRIVACY_TASK)
                .set(PRIVACY_TASK.STATUS, TaskStatus.DONE.dbValue())
                .set(PRIVACY_TASK.PROGRESS, 100)
                .set(PRIVACY_TASK.RESULT, result)
                .set(PRIVACY_TASK.RESULT_TEXT, resultText)
                .set(PRIVACY_TASK.LAST_ERROR, (String) null)
                .set(PRIVACY_TASK.FINISHED_AT, now)
                .setNull(PRIVACY_TASK.CLAIMED_UNTIL)
                .where(PRIVACY_TASK.ID.eq(taskId), PRIVACY_TASK.CLAIMED_BY.eq(worker))
                .execute();
    }

    public void fail(long taskId, String worker, String error) {
        dsl.update(PRIVACY_TASK)
                .set(PRIVACY_TASK.STATUS, TaskStatus.FAILED.dbValue())
                .set(PRIVACY_TASK.LAST_ERROR, error)
                .setNull(PRIVACY_TASK.CLAIMED_UNTIL)
                .where(PRIVACY_TASK.ID.eq(taskId), PRIVACY_TASK.CLAIMED_BY.eq(worker))
                .execute();
    }

    /**
     * Requests with work a worker could take now: pending tasks, failed ones with attempts left, and running ones
     * whose claim ran out. Erasure requests count only once approved.
     */
    public List<Long> requestsWithWork(LocalDateTime now, int maxAttempts) {
        return dsl.selectDistinct(PRIVACY_TASK.REQUEST_ID).from(PRIVACY_TASK).join(PRIVACY_REQUEST)
                .on(PRIVACY_REQUEST.ID.eq(PRIVACY_TASK.REQUEST_ID))
                .where(PRIVACY_TASK.STATUS.eq(TaskStatus.PENDING.dbValue())
                        .or(PRIVACY_TASK.STATUS.eq(TaskStatus.FAILED.dbValue()).and(PRIVACY_TASK.ATTEMPTS.lt(maxAttempts)))
                        .or(PRIVACY_TASK.STATUS.eq(TaskStatus.RUNNING.dbValue()).and(PRIVACY_TASK.CLAIMED_UNTIL.lt(now))))
                .and(PRIVACY_TASK.DATA_SYSTEM.eq(PrivacyTask.PACKAGE).or(PRIVACY_REQUEST.APPROVED_BY.isNotNull()))
                .and(PRIVACY_REQUEST.STATUS.notIn(RequestStatus.COMPLETED.dbValue(), RequestStatus.REJECTED.dbValue()))
                .orderBy(PRIVACY_TASK.REQUEST_ID)
                .fetch(PRIVACY_TASK.REQUEST_ID);
    }

    // --- the subject snapshot ---

    public void storeSubject(long requestId, byte[] sealed) {
        dsl.update(PRIVACY_REQUEST).set(PRIVACY_REQUEST.SUBJECT_ENC, sealed).where(PRIVACY_REQUEST.ID.eq(requestId)).execute();
    }

    public Optional<byte[]> subject(long requestId) {
        return dsl.select(PRIVACY_REQUEST.SUBJECT_ENC).from(PRIVACY_REQUEST).where(PRIVACY_REQUEST.ID.eq(requestId))
                .fetchOptional(PRIVACY_REQUEST.SUBJECT_ENC);
    }

    /** Closes an erasure: the scan as proof, the snapshot gone, the request completed (once). */
    public boolean completeErasure(long requestId, String scan, String outcome, LocalDateTime now) {
        return dsl.update(PRIVACY_REQUEST)
                .set(PRIVACY_REQUEST.RESIDUAL_SCAN, scan)
                .setNull(PRIVACY_REQUEST.SUBJECT_ENC)
                .set(PRIVACY_REQUEST.STATUS, RequestStatus.COMPLETED.dbValue())
                .set(PRIVACY_REQUEST.OUTCOME, outcome)
                .set(PRIVACY_REQUEST.COMPLETED_AT, now)
                .set(PRIVACY_REQUEST.VERSION, PRIVACY_REQUEST.VERSION.plus(1))
                .where(PRIVACY_REQUEST.ID.eq(requestId), PRIVACY_REQUEST.STATUS.eq(RequestStatus.AWAITING_APPROVAL.dbValue()))
                .execute() == 1;
    }

    public void storeResidualScan(long requestId, String scan) {
        dsl.update(PRIVACY_REQUEST).set(PRIVACY_REQUEST.RESIDUAL_SCAN, scan).where(PRIVACY_REQUEST.ID.eq(requestId)).execute();
    }

    public Optional<String> residualScan(long requestId) {
        return dsl.select(PRIVACY_REQUEST.RESIDUAL_SCAN).from(PRIVACY_REQUEST).where(PRIVACY_REQUEST.ID.eq(requestId))
                .fetchOptional(PRIVACY_REQUEST.RESIDUAL_SCAN);
    }

    // --- Art. 19 recipients ---

    public void addRecipient(long requestId, String recipient) {
        dsl.insertInto(PRIVACY_RECIPIENT)
                .set(PRIVACY_RECIPIENT.REQUEST_ID, requestId)
                .set(PRIVACY_RECIPIENT.RECIPIENT, recipient)
                .set(PRIVACY_RECIPIENT.STATUS, "pending")
                .onDuplicateKeyIgnore()
                .execute();
    }

    public List<Recipient> recipients(long requestId) {
        return dsl.selectFrom(PRIVACY_RECIPIENT).where(PRIVACY_RECIPIENT.REQUEST_ID.eq(requestId))
                .orderBy(PRIVACY_RECIPIENT.RECIPIENT)
                .fetch(r -> new Recipient(r.getRecipient(), r.getStatus(), r.getNote(), r.getUpdatedBy(), r.getUpdatedAt()));
    }

    public boolean updateRecipient(long requestId, String recipient, String status, String note, String actor, LocalDateTime now) {
        return dsl.update(PRIVACY_RECIPIENT)
                .set(PRIVACY_RECIPIENT.STATUS, status)
                .set(PRIVACY_RECIPIENT.NOTE, note)
                .set(PRIVACY_RECIPIENT.UPDATED_BY, actor)
                .set(PRIVACY_RECIPIENT.UPDATED_AT, now)
                .where(PRIVACY_RECIPIENT.REQUEST_ID.eq(requestId), PRIVACY_RECIPIENT.RECIPIENT.eq(recipient))
                .execute() == 1;
    }

    // --- export packages ---

    public long insertPackage(long requestId, String fileName, String storagePath, String sha256, long size, String actor,
                       LocalDateTime now, LocalDateTime expires) {
        return dsl.insertInto(EXPORT_FILE)
                .set(EXPORT_FILE.KIND, "privacy_package")
                .set(EXPORT_FILE.FILE_NAME, fileName)
                .set(EXPORT_FILE.STORAGE_PATH, storagePath)
                .set(EXPORT_FILE.SHA256, sha256)
                .set(EXPORT_FILE.SIZE_BYTES, size)
                .set(EXPORT_FILE.REQUEST_ID, requestId)
                .set(EXPORT_FILE.CREATED_BY, actor)
                .set(EXPORT_FILE.CREATED_AT, now)
                .set(EXPORT_FILE.EXPIRES_AT, expires)
                .returningResult(EXPORT_FILE.ID)
                .fetchSingle().value1();
    }

    /** The newest package of a request that is neither deleted nor expired. */
    public Optional<ExportPackage> currentPackage(long requestId, LocalDateTime now) {
        return dsl.selectFrom(EXPORT_FILE)
                .where(EXPORT_FILE.REQUEST_ID.eq(requestId), EXPORT_FILE.KIND.eq("privacy_package"), EXPORT_FILE.DELETED_AT.isNull(),
                        EXPORT_FILE.EXPIRES_AT.gt(now))
                .orderBy(EXPORT_FILE.ID.desc()).limit(1)
                .fetchOptional(r -> new ExportPackage(r.getId(), r.getFileName(), r.getStoragePath(), r.getSha256(),
                        r.getSizeBytes(), r.getCreatedAt(), r.getExpiresAt()));
    }

    private static PrivacyTask task(Record r) {
        return new PrivacyTask(r.get(PRIVACY_TASK.ID), r.get(PRIVACY_TASK.REQUEST_ID), r.get(PRIVACY_TASK.DATA_SYSTEM),
                r.get(PRIVACY_TASK.POSITION), TaskStatus.fromDb(r.get(PRIVACY_TASK.STATUS)), r.get(PRIVACY_TASK.ATTEMPTS),
                r.get(PRIVACY_TASK.PROGRESS), r.get(PRIVACY_TASK.RESULT), TextJson.read(r.get(PRIVACY_TASK.RESULT_TEXT)),
                r.get(PRIVACY_TASK.LAST_ERROR),
                r.get(PRIVACY_TASK.STARTED_AT), r.get(PRIVACY_TASK.FINISHED_AT));
    }
}

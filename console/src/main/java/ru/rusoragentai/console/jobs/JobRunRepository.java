package ru.rusoragentai.console.jobs;

import ru.rusoragentai.console.i18n.TextJson;
import static ru.rusoragentai.db.Tables.JOB_RUN;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class JobRunRepository {

    private final DSLContext dsl;

    JobRunRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long start(String job, LocalDateTime now) {
        return dsl.insertInto(JOB_RUN).set(JOB_RUN.JOB, job).set(JOB_RUN.STARTED_AT, now).set(JOB_RUN.STATUS, "running")
                .returningResult(JOB_RUN.ID).fetchSingle().value1();
    }

    void finish(long id, String status, String summary, String summaryText, LocalDateTime now) {
        dsl.update(JOB_RUN).set(JOB_RUN.STATUS, status).set(JOB_RUN.SUMMARY, summary).set(JOB_RUN.SUMMARY_TEXT, summaryText)
                .set(JOB_RUN.FINISHED_AT, now).where(JOB_RUN.ID.eq(id)).execute();
    }

    List<JobRun> recent(String job, int offset, int limit) {
        return dsl.selectFrom(JOB_RUN).where(JOB_RUN.JOB.eq(job)).orderBy(JOB_RUN.ID.desc()).offset(offset).limit(limit)
                .fetch(r -> new JobRun(r.getId(), r.getJob(), r.getStartedAt(), r.getFinishedAt(), r.getStatus(), r.getSummary(),
                        TextJson.read(r.getSummaryText())));
    }

    int count(String job) {
        return dsl.fetchCount(JOB_RUN, JOB_RUN.JOB.eq(job));
    }
}

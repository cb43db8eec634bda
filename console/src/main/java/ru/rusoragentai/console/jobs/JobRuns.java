package ru.rusoragentai.console.jobs;

import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.i18n.TextJson;
import ru.rusoragentai.console.i18n.Text;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records background job runs in {@code job_run}: a row when the run starts, its status and summary when it
 * ends, each in its own transaction so a failing run still leaves its trace. Internal: callers check permissions.
 */
@Component
public class JobRuns {

    private final JobRunRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;

    JobRuns(JobRunRepository repository, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Runs {@code work} as a recorded run of {@code job}: "succeeded" with the summary it returns, or "failed" with
     * the error, which is rethrown.
     */
    public String record(String job, Supplier<String> work) {
        return run(job, () -> {
            String summary = work.get();
            return new String[] {summary, null};
        });
    }

    /**
     * As {@link #record}, with a summary its screen says in the reader's language; the English of it is kept beside.
     *
     * @return the summary
     */
    public Text recordText(String job, Supplier<Text> work) {
        Text[] summary = new Text[1];
        run(job, () -> {
            summary[0] = work.get();
            String json = TextJson.write(summary[0]);
            return new String[] {Texts.english(summary[0].key(), summary[0].arguments()), json.length() > 4000 ? null : json};
        });
        return summary[0];
    }

    /** The work returns its summary in English and as a text (or null). */
    private String run(String job, Supplier<String[]> work) {
        long id = tx.execute(s -> repository.start(job, LocalDateTime.now(clock)));
        try {
            String[] summary = work.get();
            tx.executeWithoutResult(s -> repository.finish(id, "succeeded", summary[0], summary[1], LocalDateTime.now(clock)));
            return summary[0];
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            tx.executeWithoutResult(s -> repository.finish(id, "failed", error.length() > 2000 ? error.substring(0, 2000) : error, null,
                    LocalDateTime.now(clock)));
            throw e;
        }
    }

    public List<JobRun> recent(String job, int offset, int limit) {
        return repository.recent(job, offset, limit);
    }

    public int count(String job) {
        return repository.count(job);
    }
}

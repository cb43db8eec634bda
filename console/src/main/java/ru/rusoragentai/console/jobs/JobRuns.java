package ru.rusoragentai.console.jobs;

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
        long id = tx.execute(s -> repository.start(job, LocalDateTime.now(clock)));
        try {
            String summary = work.get();
            tx.executeWithoutResult(s -> repository.finish(id, "succeeded", summary, LocalDateTime.now(clock)));
            return summary;
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            tx.executeWithoutResult(s -> repository.finish(id, "failed", error.length() > 2000 ? error.substring(0, 2000) : error,
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

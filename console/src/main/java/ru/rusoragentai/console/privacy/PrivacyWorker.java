package ru.rusoragentai.console.privacy;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.rusoragentai.console.jobs.ClusterJob;
import ru.rusoragentai.console.security.Unguarded;

/**
 * Runs privacy background work: right after a staff action queues it (on a background thread), and every minute
 * across the cluster for anything unfinished, which is how a package or erasure interrupted by a crash or restart
 * resumes. Task claims make sure each task runs on one worker at a time.
 */
@Component
public class PrivacyWorker implements ClusterJob, DisposableBean {

    static final String JOB = "privacy-worker";
    private static final Logger log = LoggerFactory.getLogger(PrivacyWorker.class);

    private final PrivacyTaskRepository tasks;
    private final List<PrivacyWork> works;
    private final PrivacyProperties properties;
    private final Clock clock;
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("privacy-work-", 0).factory());

    PrivacyWorker(PrivacyTaskRepository tasks, List<PrivacyWork> works, PrivacyProperties properties, Clock clock) {
        this.tasks = tasks;
        this.works = List.copyOf(works);
        this.properties = properties;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onQueued(WorkQueued queued) {
        switch (properties.runOn()) {
            case BACKGROUND -> background.execute(() -> runQuietly(queued.requestId()));
            case CALLER -> {
                // on a thread of its own, as in production: this thread's committed transaction is still bound here
                try {
                    background.submit(() -> runRequest(queued.requestId(), clock)).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn("Privacy work on request {} stopped: {}", queued.requestId(), e.getCause().toString());
                }
            }
            case WORKER -> log.debug("Privacy request {} queued for the cluster worker", queued.requestId());
        }
    }

    @Override
    public String name() {
        return JOB;
    }

    @Override
    public Schedule schedule() {
        return Schedules.cron(properties.workerCron(), ZoneOffset.UTC);
    }

    /** Everything unfinished, as of the given clock (tests pass a later one to see expired claims). */
    @Override
    public void run() {
        resumeAll(clock);
    }

    @Unguarded("the cluster job's own body; tests call it with a later clock to see expired claims")
    public void resumeAll(Clock at) {
        for (long requestId : tasks.requestsWithWork(LocalDateTime.now(at), properties.maxAttempts())) {
            runQuietly(requestId, at);
        }
    }

    private void runQuietly(long requestId) {
        runQuietly(requestId, clock);
    }

    private void runQuietly(long requestId, Clock at) {
        try {
            runRequest(requestId, at);
        } catch (RuntimeException e) {
            log.warn("Privacy work on request {} stopped: {}", requestId, e.toString());
        }
    }

    void runRequest(long requestId, Clock at) {
        List<PrivacyTask> queued = tasks.tasks(requestId);
        works.stream().filter(work -> work.owns(queued)).findFirst().ifPresent(work -> work.run(requestId, at));
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}

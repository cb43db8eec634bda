package ru.rusoragentai.console.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link ClusterJob} on db-scheduler over the console's database, so each due execution runs on exactly
 * one instance even when several consoles share the database. Disabled with {@code console.jobs.enabled=false}
 * (tests do, to keep background deletes out of shared test data).
 */
@Component
public class JobScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final DataSource dataSource;
    private final List<ClusterJob> jobs;
    private final boolean enabled;
    private final Duration pollingInterval;
    private Scheduler scheduler;

    JobScheduler(DataSource dataSource, List<ClusterJob> jobs, @Value("${console.jobs.enabled:true}") boolean enabled,
                 @Value("${console.jobs.polling-interval:10s}") Duration pollingInterval) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.enabled = enabled;
        this.pollingInterval = pollingInterval;
    }

    /** A db-scheduler for these jobs; public so tests can run two on one database. */
    public static Scheduler create(DataSource dataSource, List<ClusterJob> jobs, String name, Duration pollingInterval) {
        List<RecurringTask<Void>> tasks = jobs.stream()
                .map(job -> Tasks.recurring(job.name(), job.schedule()).execute((instance, context) -> job.run()))
                .toList();
        return Scheduler.create(dataSource).startTasks(tasks).threads(2).pollingInterval(pollingInterval)
                .schedulerName(new SchedulerName.Fixed(name)).alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(30)).build();
    }

    @Override
    public void start() {
        if (!enabled) {
            log.info("Cluster jobs disabled (console.jobs.enabled=false)");
            return;
        }
        scheduler = create(dataSource, jobs, ManagementFactory.getRuntimeMXBean().getName(), pollingInterval);
        scheduler.start();
        log.info("Cluster jobs scheduled: {}", jobs.stream().map(ClusterJob::name).toList());
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}

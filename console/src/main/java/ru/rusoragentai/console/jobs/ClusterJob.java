package ru.rusoragentai.console.jobs;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

/**
 * A recurring job that runs once per due time across all console instances (db-scheduler picks each execution
 * with a row lock in {@code scheduled_tasks}). Implementations are Spring beans; {@link JobScheduler} finds them.
 */
public interface ClusterJob {

    /** Stable task name, e.g. "retention". */
    String name();

    /** When it runs (UTC). */
    Schedule schedule();

    /** One execution; must be idempotent, as a crashed instance's execution is run again elsewhere. */
    void run();

    /** A job on a six-field cron expression in UTC. */
    static ClusterJob cron(String name, String cron, Runnable work) {
        com.github.kagkarlsson.scheduler.task.schedule.Schedule schedule =
                com.github.kagkarlsson.scheduler.task.schedule.Schedules.cron(cron, java.time.ZoneOffset.UTC);
        return new ClusterJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Schedule schedule() {
                return schedule;
            }

            @Override
            public void run() {
                work.run();
            }
        };
    }
}

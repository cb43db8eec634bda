package ru.rusoragentai.console.retention;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.jobs.ClusterJob;

/** The daily retention run, once across all console instances. */
@Component
class RetentionJob implements ClusterJob {

    private final RetentionService retention;
    private final RetentionProperties properties;

    RetentionJob(RetentionService retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @Override
    public String name() {
        return RetentionService.JOB;
    }

    @Override
    public Schedule schedule() {
        return Schedules.cron(properties.cron(), ZoneOffset.UTC);
    }

    @Override
    public void run() {
        retention.run();
    }
}

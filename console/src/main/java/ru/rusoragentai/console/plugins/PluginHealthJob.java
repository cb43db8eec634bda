package ru.rusoragentai.console.plugins;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.jobs.ClusterJob;
import ru.rusoragentai.console.jobs.JobRuns;

/** Every few minutes (console.plugins.health-schedule): each started plugin's health check, its answer kept. */
@Component
class PluginHealthJob implements ClusterJob {

    static final String NAME = "plugin-health";

    private final PluginHealthChecks checks;
    private final JobRuns runs;
    private final PluginProperties properties;

    PluginHealthJob(PluginHealthChecks checks, JobRuns runs, PluginProperties properties) {
        this.checks = checks;
        this.runs = runs;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Schedule schedule() {
        return Schedules.cron(properties.healthSchedule(), ZoneOffset.UTC);
    }

    @Override
    public void run() {
        runs.record(NAME, () -> {
            int[] answer = checks.checkAll();
            return answer[0] + " of " + answer[1] + " started plugins healthy";
        });
    }
}

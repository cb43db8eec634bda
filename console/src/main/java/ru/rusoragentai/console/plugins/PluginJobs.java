package ru.rusoragentai.console.plugins;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.rusoragentai.console.jobs.ClusterJob;
import ru.rusoragentai.console.jobs.JobRuns;

/** The plugins' job, once per cluster: every started plugin's health (console.plugins.health-schedule, every five minutes). */
@Configuration
class PluginJobs {

    static final String HEALTH = "plugin-health";

    @Bean
    ClusterJob pluginHealthJob(PluginHealthChecks checks, JobRuns runs, PluginProperties properties) {
        return ClusterJob.cron(HEALTH, properties.healthSchedule(), () -> runs.record(HEALTH, () -> {
            PluginHealthChecks.Tally tally = checks.checkAll();
            return tally.healthy() + " of " + tally.asked() + " started plugins healthy";
        }));
    }
}

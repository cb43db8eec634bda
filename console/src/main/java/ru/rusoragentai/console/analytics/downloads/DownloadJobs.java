package ru.rusoragentai.console.analytics.downloads;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.rusoragentai.console.jobs.ClusterJob;

/**
 * Once per cluster: every minute, analysts' exports queued while no worker was free, or whose worker was lost, are
 * built; at 02:30 UTC the scheduled saved reports that are due.
 */
@Configuration
@EnableConfigurationProperties(DownloadProperties.class)
class DownloadJobs {

    @Bean
    ClusterJob analystExportsJob(DownloadWorker worker) {
        return ClusterJob.cron("analyst-exports", "0 * * * * *", worker::buildQueued);
    }

    @Bean
    ClusterJob savedReportsJob(SavedReportSchedule schedule) {
        return ClusterJob.cron("saved-reports", "0 30 2 * * *", schedule::buildDue);
    }
}

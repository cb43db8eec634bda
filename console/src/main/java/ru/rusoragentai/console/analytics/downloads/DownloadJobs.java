package ru.rusoragentai.console.analytics.downloads;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.rusoragentai.console.jobs.ClusterJob;

/** Every minute, once per cluster: analysts' exports queued while no worker was free, or whose worker was lost, are built. */
@Configuration
@EnableConfigurationProperties(DownloadProperties.class)
class DownloadJobs {

    @Bean
    ClusterJob analystExportsJob(DownloadWorker worker) {
        return ClusterJob.cron("analyst-exports", "0 * * * * *", worker::buildQueued);
    }
}

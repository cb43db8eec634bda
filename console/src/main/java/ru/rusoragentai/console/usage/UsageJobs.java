package ru.rusoragentai.console.usage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.rusoragentai.console.jobs.ClusterJob;

/** The usage jobs, once per cluster: partitions ahead (03:17 UTC) and the daily roll-up (00:20 UTC); both also run at start. */
@Configuration
class UsageJobs {

    @Bean
    ClusterJob usagePartitionsJob(UsagePartitionService partitions) {
        return ClusterJob.cron("usage-partitions", "0 17 3 * * *", partitions::ensureAhead);
    }

    @Bean
    ClusterJob usageRollupJob(UsageRollupService rollup) {
        return ClusterJob.cron("usage-rollup", "0 20 0 * * *", rollup::rollUpFinishedDays);
    }
}

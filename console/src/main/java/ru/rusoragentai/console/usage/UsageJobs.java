package ru.rusoragentai.console.usage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.rusoragentai.console.jobs.ClusterJob;

/** The usage jobs, once per cluster: partitions ahead (03:17 UTC) and the daily roll-up (00:20 UTC); both also run at start. Every five minutes the analysts' roll-up is rebuilt for the days a user's data left or came back. */
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

    @Bean
    ClusterJob reportDirtyDaysJob(UsageRollupService rollup) {
        return ClusterJob.cron("report-dirty-days", "0 */5 * * * *", rollup::rebuildDirtyDays);
    }
}

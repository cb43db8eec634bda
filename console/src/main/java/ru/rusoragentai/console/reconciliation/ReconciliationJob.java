package ru.rusoragentai.console.reconciliation;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.jobs.ClusterJob;

/**
 * Daily, after the usage roll-up and once per cluster: reconciles the last three full UTC days per provider (vendor
 * reports settle late, so each day is checked three times). Idempotent: a run replaces the stored rows of its days.
 */
@Component
class ReconciliationJob implements ClusterJob {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final ReconciliationService service;
    private final String cron;

    ReconciliationJob(ReconciliationService service, @Value("${console.reconciliation.cron:0 50 3 * * *}") String cron) {
        this.service = service;
        this.cron = cron;
    }

    @Override
    public String name() {
        return ReconciliationService.JOB;
    }

    @Override
    public Schedule schedule() {
        return Schedules.cron(cron, ZoneOffset.UTC);
    }

    @Override
    public void run() {
        LocalDate today = service.today();
        log.info("Reconciliation: {}", service.reconcile(today.minusDays(3), today));
    }
}

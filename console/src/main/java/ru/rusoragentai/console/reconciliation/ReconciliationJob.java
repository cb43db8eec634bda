package ru.rusoragentai.console.reconciliation;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily, after the usage roll-up: reconciles the last three full UTC days per provider (vendor reports settle
 * late, so each day is checked three times). Idempotent: a run replaces the stored rows of its days.
 */
@Component
class ReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final ReconciliationService service;

    ReconciliationJob(ReconciliationService service) {
        this.service = service;
    }

    @Scheduled(cron = "${console.reconciliation.cron:0 50 3 * * *}", zone = "UTC")
    void daily() {
        LocalDate today = service.today();
        log.info("Reconciliation: {}", service.reconcile(today.minusDays(3), today));
    }
}

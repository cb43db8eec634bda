package ru.rusoragentai.console.tokens;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.jobs.ClusterJob;
import ru.rusoragentai.console.security.CurrentStaff;

/** Nightly: every balance must equal the sum of its ledger. The outcome is audited; a mismatch is logged as an error. */
@Component
class LedgerCheckJob implements ClusterJob {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheckJob.class);

    private final LedgerRepository repository;
    private final AuditService audit;
    private final TransactionTemplate transactions;

    LedgerCheckJob(LedgerRepository repository, AuditService audit, TransactionTemplate transactions) {
        this.repository = repository;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "ledger-check";
    }

    @Override
    public Schedule schedule() {
        return Schedules.cron("0 40 2 * * *", ZoneOffset.UTC);
    }

    @Override
    public void run() {
        checkAllBalances();
    }

    void checkAllBalances() {
        List<BalanceDiscrepancy> found = repository.discrepancies();
        if (found.isEmpty()) {
            log.info("Ledger check: every balance equals the sum of its ledger");
        } else {
            log.error("Ledger check: {} balances differ from their ledger, first {}", found.size(), found.getFirst());
        }
        transactions.executeWithoutResult(status -> audit.recordAs(CurrentStaff.SYSTEM, "tokens.ledger_check", "ledger", "all",
                found.isEmpty() ? "ok" : found.size() + " discrepancies, first " + found.getFirst()));
    }
}

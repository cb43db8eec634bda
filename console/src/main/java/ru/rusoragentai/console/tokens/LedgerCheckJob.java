package ru.rusoragentai.console.tokens;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;

/** Nightly: every balance must equal the sum of its ledger. The outcome is audited; a mismatch is logged as an error. */
@Component
class LedgerCheckJob {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheckJob.class);

    private final LedgerRepository repository;
    private final AuditService audit;
    private final TransactionTemplate transactions;

    LedgerCheckJob(LedgerRepository repository, AuditService audit, TransactionTemplate transactions) {
        this.repository = repository;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Scheduled(cron = "0 40 2 * * *", zone = "UTC")
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

package ru.rusoragentai.console.retention;

import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.i18n.Text;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.jobs.JobRun;
import ru.rusoragentai.console.jobs.JobRuns;
import ru.rusoragentai.console.payments.WebhookInboxRetention;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.security.Unguarded;
import ru.rusoragentai.console.usage.UsagePartitionService;

/**
 * Makes the privacy policy's retention promises true: usage events at most 12 months (whole monthly partitions
 * dropped, the rest of the oldest month deleted in batches), conversations per each user's setting, expired
 * export packages. Every run is recorded with its counts. Idempotent.
 */
@Service
public class RetentionService {

    public static final String JOB = "retention";
    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final UsagePartitionService partitions;
    private final RetentionRepository repository;
    private final RetentionProperties properties;
    private final JobRuns runs;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final WebhookInboxRetention webhookInbox;
    private final ru.rusoragentai.console.abuse.AbuseRetention abuse;
    private final Clock clock;

    RetentionService(UsagePartitionService partitions, RetentionRepository repository, RetentionProperties properties, JobRuns runs,
                     AuditService audit, PlatformTransactionManager transactions, WebhookInboxRetention webhookInbox,
                     ru.rusoragentai.console.abuse.AbuseRetention abuse,
                     Clock clock) {
        this.webhookInbox = webhookInbox;
        this.abuse = abuse;
        this.partitions = partitions;
        this.repository = repository;
        this.properties = properties;
        this.runs = runs;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** One retention run, recorded in job_run; returns its summary in English. For the scheduler and tests. */
    @Unguarded("the nightly retention job; staff run it through runNow, which is checked")
    public String run() {
        Text summary = runText();
        return Texts.english(summary.key(), summary.arguments());
    }

    private Text runText() {
        return runs.recordText(JOB, () -> {
            LocalDateTime now = LocalDateTime.now(clock);
            UsagePartitionService.Purge usage = partitions.purgeBefore(now.minusMonths(properties.usageMonths()));
            long conversations = 0;
            for (List<Long> batch = repository.expiredConversations(now, 1_000); !batch.isEmpty();
                 batch = repository.expiredConversations(now, 1_000)) {
                List<Long> ids = batch;
                conversations += tx.execute(s -> repository.deleteConversations(ids));
            }
            int exports = deleteExpiredExports(now);
            long deliveries = webhookInbox.purge(now);
            Text abuseRows = abuse.purge(now);
            Text summary = new Text("retention.summary.run", usage.droppedPartitions().toString(), usage.approximateRowsDropped(),
                    usage.rowsDeleted(), usage.dailyRowsDeleted(), conversations, exports, deliveries, abuseRows);
            log.info("Retention: {}", Texts.english(summary.key(), summary.arguments()));
            return summary;
        });
    }

    /** "Run now" on the Retention screen; audited. */
    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public Text runNow() {
        Text summary = runText();
        tx.executeWithoutResult(s -> audit.record("retention.run", "job", JOB, Texts.english(summary.key(), summary.arguments())));
        return summary;
    }

    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<JobRun> recentRuns(int offset, int limit) {
        return runs.recent(JOB, offset, limit);
    }

    @RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public int runCount() {
        return runs.count(JOB);
    }

    private int deleteExpiredExports(LocalDateTime now) {
        int deleted = 0;
        for (RetentionRepository.ExpiredExport export : repository.expiredExports(now)) {
            try {
                Files.deleteIfExists(Path.of(export.storagePath()));
                tx.executeWithoutResult(s -> repository.markExportDeleted(export.id(), now));
                deleted++;
            } catch (IOException e) {
                log.warn("Could not delete expired export {} at {}: {}", export.id(), export.storagePath(), e.getMessage());
            }
        }
        return deleted;
    }
}

package ru.rusoragentai.console.payments;

import java.time.LocalDateTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's retention period, enforced by the retention job (which runs as the system, not as a staff member):
 * deliveries older than {@code console.webhooks.inbox-retention} are deleted in small transactions, except those
 * still waiting for a replay. Applied payments keep their verified raw event in {@code payment}.
 */
@Component
public class WebhookInboxRetention {

    private static final int BATCH = 1_000;

    private final WebhookInboxRepository inbox;
    private final WebhookProperties properties;
    private final TransactionTemplate tx;

    WebhookInboxRetention(WebhookInboxRepository inbox, WebhookProperties properties, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Deletes what has expired at {@code now}; returns how many deliveries went. */
    public long purge(LocalDateTime now) {
        LocalDateTime cutoff = now.minus(properties.inboxRetention());
        long deleted = 0;
        for (int n; (n = tx.execute(s -> inbox.deleteBefore(cutoff, BATCH))) > 0; ) {
            deleted += n;
        }
        return deleted;
    }
}

package ru.rusoragentai.console.payments;

import ru.rusoragentai.console.i18n.Text;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.plugins.PluginException;
import ru.rusoragentai.console.plugins.Described;
import ru.rusoragentai.console.plugins.PluginGateway;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.security.Unguarded;
import ru.rusoragentai.spi.InvalidPaymentEventException;
import ru.rusoragentai.spi.PaymentChannel;
import ru.rusoragentai.spi.PaymentEvent;
import ru.rusoragentai.spi.WebhookDelivery;
import ru.rusoragentai.spi.WebhookOutcome;

/**
 * Payment intake: every webhook delivery is handed to its channel plugin, applied when verified, and recorded in
 * the inbox with its outcome. A verified event and its inbox row commit together, so the inbox never claims an
 * effect that did not happen. {@link #receive} is open to the internet: the plugin's signature check is what
 * authenticates it.
 */
@Service
public class WebhookIntakeService {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntakeService.class);

    private final PluginGateway plugins;
    private final PaymentApplier applier;
    private final WebhookInboxRepository inbox;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final TransactionTemplate tx;
    private final ChannelBreakers breakers;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookIntakeService(PluginGateway plugins, PaymentApplier applier, WebhookInboxRepository inbox,
                         AuditService audit, CurrentStaff currentStaff, PlatformTransactionManager transactions,
                         ChannelBreakers breakers, WebhookProperties properties, Clock clock) {
        this.breakers = breakers;
        this.properties = properties;
        this.plugins = plugins;
        this.applier = applier;
        this.inbox = inbox;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /** Handles one delivery; never throws for bad input, always records it. */
    @Unguarded("the platform's webhook endpoint: no staff member, the channel's signature is the check")
    public IntakeResult receive(String channelId, byte[] body, Map<String, List<String>> headers) {
        String headerText = Headers.format(headers);
        if (plugins.extension(channelId, PaymentChannel.class).isEmpty() && !plugins.installed(channelId)) {
            return record(channelId, headerText, body, Disposition.of(InboxStatus.REJECTED,
                    new Text("inbox.outcome.no-channel", channelId), 404), null);
        }
        WebhookOutcome outcome;
        try {
            outcome = parse(channelId, body, headers);
        } catch (PluginException e) {
            // the channel exists but could not decide (not running, paused, slow, broken): kept for replay, and
            // 503 makes the vendor deliver again
            return record(channelId, headerText, body, Disposition.of(InboxStatus.FAILED, new Text(e.key(), e.arguments()), 503), null);
        }
        return switch (outcome) {
            case WebhookOutcome.BadSignature bad -> record(channelId, headerText, body,
                    Disposition.of(InboxStatus.REJECTED, said(bad.reason()), 401), null);
            case WebhookOutcome.Malformed malformed -> record(channelId, headerText, body,
                    Disposition.of(InboxStatus.MALFORMED, said(malformed.reason()), 400), null);
            case WebhookOutcome.Ignored ignored -> record(channelId, headerText, body,
                    Disposition.of(InboxStatus.IGNORED, said(ignored.reason()), 200), null);
            case WebhookOutcome.Verified verified -> applyAndRecord(channelId, headerText, body, verified.event());
        };
    }

    /** A delivery that exceeded the size limit: recorded without its body. */
    @Unguarded("the platform's webhook endpoint refusing an oversized body unread")
    public IntakeResult tooLarge(String channelId, Map<String, List<String>> headers, long size) {
        return record(channelId, Headers.format(headers), new byte[0],
                Disposition.of(InboxStatus.REJECTED, new Text("inbox.outcome.too-large", size), 413), null);
    }

    /**
     * Runs a parked (unmatched or failed) delivery again, after its cause was fixed: signature and mapping are
     * checked again with the current settings.
     *
     * @throws PluginException when the delivery may not be replayed or no longer verifies; nothing changes then
     */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public IntakeResult replay(long inboxId) {
        return tx.execute(status -> {
            WebhookInboxRepository.StoredDelivery stored = inbox.lockForReplay(inboxId)
                    .orElseThrow(() -> new PluginException("inbox.error.no-delivery", inboxId));
            if (!stored.status().replayable()) {
                throw new PluginException("inbox.error.not-replayable", inboxId, new Text("inbox.status." + stored.status().dbValue()));
            }
            WebhookOutcome outcome = parse(stored.channelId(), stored.body(), Headers.parse(stored.headers()));
            if (!(outcome instanceof WebhookOutcome.Verified verified)) {
                throw new PluginException("inbox.error.replay-refused", describe(outcome));
            }
            Disposition applied = applier.apply(stored.channelId(), verified.event(), stored.body());
            // the replay ran under the channel's current settings: say so, and whether they changed since arrival
            long current = plugins.settingsVersion(stored.channelId());
            Disposition disposition = applied.withNote(current == stored.settingsVersion()
                    ? new Text("inbox.outcome.replayed-same", version(current))
                    : new Text("inbox.outcome.replayed-changed", version(current), version(stored.settingsVersion())));
            inbox.updateAfterReplay(inboxId, disposition, verified.event(), currentStaff.actor(), now());
            audit.record("webhook.replay", "webhook", String.valueOf(inboxId),
                    "channel=" + stored.channelId() + " was=" + stored.status().dbValue() + " now=" + disposition.status().dbValue()
                            + " external=" + verified.event().externalId());
            return IntakeResult.of(disposition, inboxId);
        });
    }

    /**
     * Replays each delivery in its own transaction, so one that still fails does not hold back the others.
     *
     * @return how many were applied (or found already applied) and, per refused delivery, why
     */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public BulkReplay replayAll(List<Long> inboxIds) {
        int done = 0;
        Map<Long, String> refused = new java.util.LinkedHashMap<>();
        for (long id : inboxIds) {
            try {
                IntakeResult result = replay(id);
                if (result.status().replayable()) {
                    refused.put(id, result.outcome());
                } else {
                    done++;
                }
            } catch (PluginException e) {
                refused.put(id, e.getMessage());
            }
        }
        BulkReplay summary = new BulkReplay(done, refused);
        tx.executeWithoutResult(s -> audit.record("webhook.replay_bulk", "webhook", inboxIds.size() + " deliveries",
                "replayed=" + summary.replayed() + " still-parked=" + summary.refused().size()));
        return summary;
    }

    /** The ids of up to {@code limit} deliveries waiting for a replay (failed, unmatched), oldest first. */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public List<Long> replayable(InboxStatus status, String channelId, int limit) {
        return inbox.replayable(status, channelId, limit);
    }

    /** closed, open or half_open: whether intake for the channel is paused after repeated failures. */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public String circuitState(String channelId) {
        return breakers.state(channelId);
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public List<InboxEntry> inbox(InboxStatus status, String channelId, int offset, int limit) {
        return inbox.find(status, channelId, offset, limit);
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public int inboxCount(InboxStatus status, String channelId) {
        return inbox.count(status, channelId);
    }

    private WebhookOutcome parse(String channelId, byte[] body, Map<String, List<String>> headers) {
        Described<PaymentChannel> channel = plugins.extension(channelId, PaymentChannel.class)
                .orElseThrow(() -> new PluginException("inbox.error.no-channel", channelId));
        WebhookDelivery delivery = WebhookDelivery.of(body, headers);
        return breakers.call(channelId, () -> plugins.callIsolated(channel, "parseWebhook", (parser, context) -> {
            try {
                return parser.parseWebhook(delivery, context);
            } catch (InvalidPaymentEventException e) {
                // the SPI refused the values the plugin read from the body: the delivery is wrong, not the plugin
                return WebhookOutcome.malformed("Payment event invalid: " + e.getMessage());
            }
        }));
    }

    /** A channel plugin's own reason, kept as it wrote it (plugins word their reasons in English). */
    private static Text said(String reason) {
        return new Text("inbox.outcome.plugin", reason);
    }

    private IntakeResult applyAndRecord(String channelId, String headerText, byte[] body, PaymentEvent event) {
        try {
            return tx.execute(status -> {
                Disposition disposition = applier.apply(channelId, event, body);
                long id = inbox.insert(channelId, headerText, body, disposition, event, plugins.settingsVersion(channelId), now());
                return IntakeResult.of(disposition, id);
            });
        } catch (RuntimeException e) {
            log.error("Could not apply {} {} from {}", event.kind(), event.externalId(), channelId, e);
            return record(channelId, headerText, body, Disposition.of(InboxStatus.FAILED,
                    new Text("inbox.outcome.could-not-apply", e.getClass().getSimpleName()), 500), event);
        }
    }

    private IntakeResult record(String channelId, String headerText, byte[] body, Disposition disposition, PaymentEvent event) {
        // a rejected delivery proved nothing about itself: keep only its start, so forged posts cannot fill the inbox
        byte[] kept = disposition.status() == InboxStatus.REJECTED && body.length > properties.rejectedBodySize().toBytes()
                ? Arrays.copyOf(body, (int) properties.rejectedBodySize().toBytes()) : body;
        String channel = channelId.length() > 64 ? channelId.substring(0, 64) : channelId;
        long id = tx.execute(status -> inbox.insert(channel, headerText, kept, disposition, event,
                plugins.settingsVersion(channel), now()));
        if (disposition.status() == InboxStatus.REJECTED || disposition.status() == InboxStatus.FAILED) {
            log.warn("Webhook {} for {}: {} ({})", id, channelId, disposition.status(), disposition.english());
        }
        return IntakeResult.of(disposition, id);
    }

    private static String describe(WebhookOutcome outcome) {
        return switch (outcome) {
            case WebhookOutcome.BadSignature bad -> "bad signature (" + bad.reason() + ")";
            case WebhookOutcome.Malformed malformed -> "malformed (" + malformed.reason() + ")";
            case WebhookOutcome.Ignored ignored -> "ignored (" + ignored.reason() + ")";
            case WebhookOutcome.Verified verified -> "verified";
        };
    }

    private static Text version(long settingsChange) {
        return settingsChange == 0 ? new Text("inbox.outcome.version.none") : new Text("inbox.outcome.version", Long.toString(settingsChange));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}

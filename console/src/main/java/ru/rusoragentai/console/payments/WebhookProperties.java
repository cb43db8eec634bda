package ru.rusoragentai.console.payments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Webhook intake limits.
 *
 * @param maxBodySize          largest webhook body accepted; larger deliveries get 413 and are recorded without body
 * @param rejectedBodySize     how much of a rejected delivery's body is kept (bad signature, unknown channel): enough
 *                             to see what it was, not enough for a forger to fill the database
 * @param breakerCalls         the channel's circuit breaker looks at this many recent parse calls ...
 * @param breakerFailureRate   ... and opens when at least this share of them (percent) failed or timed out
 * @param breakerOpenFor       how long an open breaker holds deliveries (503, kept for replay) before it tries again
 * @param maxRejectedPerAddress rejected or malformed deliveries a client address may send ...
 * @param addressCoolDown      ... before it is refused (429, nothing stored) until this long passes without another
 * @param inboxRetention       deliveries older than this are deleted by the retention job, except those still
 *                             waiting for a replay (unmatched, failed)
 */
@ConfigurationProperties("console.webhooks")
public record WebhookProperties(@DefaultValue("256KB") DataSize maxBodySize,
                                @DefaultValue("1KB") DataSize rejectedBodySize,
                                @DefaultValue("10") int breakerCalls,
                                @DefaultValue("50") int breakerFailureRate,
                                @DefaultValue("30s") Duration breakerOpenFor,
                                @DefaultValue("20") int maxRejectedPerAddress,
                                @DefaultValue("10m") Duration addressCoolDown,
                                @DefaultValue("90d") Duration inboxRetention) {
}

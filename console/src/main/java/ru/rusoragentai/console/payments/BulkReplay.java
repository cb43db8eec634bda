package ru.rusoragentai.console.payments;

import java.util.Map;

/**
 * What a bulk replay did.
 *
 * @param replayed deliveries now applied, or found to be duplicates of what was applied
 * @param refused  per delivery still parked or refused, the reason
 */
public record BulkReplay(int replayed, Map<Long, String> refused) {
}

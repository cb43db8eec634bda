package ru.rusoragentai.console.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.usage.UsagePartitionService;
import ru.rusoragentai.console.usage.UsageRollupService;

/**
 * Loads demo data into an empty database, then delivers today's purchases through the webhook inbox. Never touches a
 * database that already has users.
 */
public class DemoDataService {

    private static final Logger log = LoggerFactory.getLogger(DemoDataService.class);

    private final DemoDataRepository repository;
    private final UsagePartitionService partitions;
    private final UsageRollupService rollups;
    private final SecretCipher cipher;
    private final Clock clock;
    private final DemoWebhooks webhooks;

    DemoDataService(DemoDataRepository repository, UsagePartitionService partitions, UsageRollupService rollups,
                    SecretCipher cipher, Clock clock, DemoWebhooks webhooks) {
        this.webhooks = webhooks;
        this.repository = repository;
        this.partitions = partitions;
        this.rollups = rollups;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Returns rows written per table, or an empty map when the database already had users. */
    public Map<String, Long> generateIfEmpty(DemoDataProperties properties) {
        if (repository.hasUsers()) {
            log.info("Demo data skipped: the database already has users");
            return Map.of();
        }
        partitions.ensureMonthsFrom(LocalDate.now(clock).withDayOfMonth(1).minusMonths(13));
        log.info("Generating demo data: {} users, about {} usage events, seed {}", properties.users(),
                properties.effectiveUsageEvents() + properties.heavyUserEvents(), properties.seed());
        DemoDataGenerator generator = new DemoDataGenerator(properties, cipher, clock);
        long[] counts = repository.load(generator);
        rollups.rollUpFinishedDays();
        repository.priceModels(DemoCatalog.MODELS, java.time.LocalDateTime.now(clock));
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            result.put(DemoDataGenerator.TABLES.get(i), counts[i]);
        }
        webhooks.deliver(generator.todaysPurchases()).forEach((status, deliveries) -> result.put("webhook_inbox." + status, deliveries));
        return result;
    }
}

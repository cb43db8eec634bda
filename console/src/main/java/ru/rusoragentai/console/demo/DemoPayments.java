package ru.rusoragentai.console.demo;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A demo user's purchases: the history is bulk-loaded with its ledger entries; today's are held back and arrive later as
 * signed webhook deliveries ({@link DemoWebhooks}), as on the live platform. The planted refunder refunds and charges
 * back; farmed accounts never buy. Draws from the generator's random in the generator's order, so a seed still makes
 * the same data.
 */
final class DemoPayments {

    /** Every so many buyers bought again today, so the webhook inbox has today's story to tell. */
    private static final int TODAY_BUYER_EVERY = 20;

    private final SplittableRandom random;
    private final LocalDateTime now;
    private final DemoLedger ledger;
    private final List<DemoWebhooks.Purchase> todays = new ArrayList<>();
    private long sequence;

    DemoPayments(SplittableRandom random, LocalDateTime now, DemoLedger ledger) {
        this.random = random;
        this.now = now;
        this.ledger = ledger;
    }

    /** Writes the user's past purchases and their ledger entries; returns how many payment rows it wrote. */
    int write(BulkInserter payments, long userId, long telegramId, String planted, LocalDateTime created) throws SQLException {
        boolean refunder = DemoPlants.REFUND_USERNAME.equals(planted);
        boolean neverBuys = DemoPlants.farmed(planted) || DemoPlants.FARM_BOSS.equals(planted);
        int purchases = refunder ? 4 : neverBuys ? 0 : random.nextInt(10) < 3 ? 1 + random.nextInt(4) : 0;
        int written = 0;
        for (int i = 0; i < purchases; i++) {
            DemoCatalog.Pack pack = DemoCatalog.PACKS.get(random.nextInt(DemoCatalog.PACKS.size()));
            LocalDateTime paid = refunder ? now.minusDays(20 - i * 5L)
                    : created.plusSeconds(random.nextLong(Math.max(1, ChronoUnit.SECONDS.between(created, now))));
            if (!refunder && i == purchases - 1 && userId % TODAY_BUYER_EVERY == 0) {
                LocalDateTime today = now.minusMinutes(userId % 600);
                paid = created.isAfter(today) ? created : today;
            }
            String externalId = String.format("trb_%010d_%d", userId, ++sequence);
            String status = refunder ? (i % 2 == 0 ? "refunded" : "charged_back") : random.nextInt(50) == 0 ? "refunded" : "succeeded";
            if (!refunder && "succeeded".equals(status) && paid.toLocalDate().equals(now.toLocalDate())) {
                todays.add(new DemoWebhooks.Purchase(telegramId, pack, paid, sequence));
                continue;
            }
            String raw = "{\"name\":\"new_digital_product\",\"payload\":{\"product_id\":\"" + pack.productId()
                    + "\",\"amount\":" + pack.amountMinor() + ",\"currency\":\"" + pack.currency().toLowerCase()
                    + "\",\"telegram_user_id\":" + telegramId + "}}";
            Timestamp at = Timestamp.valueOf(paid);
            payments.add(sequence, "pay-tribute", externalId, userId, null, pack.amountMinor(), pack.currency(),
                    pack.tokens(), pack.productId(), status, at, at, at, raw);
            written++;
            ledger.add(paid, pack.tokens(), "purchase", externalId, null);
            if (!"succeeded".equals(status)) {
                ledger.add(paid.plusDays(2), -pack.tokens(), "refunded".equals(status) ? "refund" : "chargeback", externalId, null);
            }
        }
        return written;
    }

    /** Today's purchases, held back from the bulk load. */
    List<DemoWebhooks.Purchase> todays() {
        return List.copyOf(todays);
    }
}

package ru.rusoragentai.spi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A provider's own usage and cost report, as returned by {@link AiProvider#fetchUsage}. */
public sealed interface UsageReport {

    static UsageReport reported(List<Row> rows) {
        return new Reported(rows);
    }

    static UsageReport unsupported(String reason) {
        return new Unsupported(reason);
    }

    /** The vendor's figures, one row per UTC day and model. */
    record Reported(List<Row> rows) implements UsageReport {
        public Reported {
            rows = List.copyOf(rows);
        }
    }

    /** The vendor has no usage API, or it is not configured; reconciliation then uses our own events only. */
    record Unsupported(String reason) implements UsageReport {
        public Unsupported {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Usage of one model on one day.
     *
     * @param costUsd what the vendor charged, when its report gives cost
     */
    record Row(LocalDate day, String model, long inputTokens, long outputTokens, Optional<BigDecimal> costUsd) {
        public Row {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(costUsd, "costUsd");
        }
    }
}

package ru.rusoragentai.plugins.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import ru.rusoragentai.spi.UsageReport;

/** Sums a vendor's usage and cost buckets into one row per day and model. Not thread-safe. */
public final class UsageRows {

    private record Key(LocalDate day, String model) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : model.compareTo(other.model);
        }
    }

    private static final class Sums {
        long input;
        long output;
        BigDecimal cost;
    }

    private final Map<Key, Sums> sums = new TreeMap<>();

    public void addTokens(LocalDate day, String model, long input, long output) {
        Sums s = sums.computeIfAbsent(new Key(day, model), k -> new Sums());
        s.input += input;
        s.output += output;
    }

    public void addCost(LocalDate day, String model, BigDecimal usd) {
        Sums s = sums.computeIfAbsent(new Key(day, model), k -> new Sums());
        s.cost = s.cost == null ? usd : s.cost.add(usd);
    }

    public UsageReport report() {
        List<UsageReport.Row> rows = new ArrayList<>();
        sums.forEach((k, s) -> rows.add(new UsageReport.Row(k.day(), k.model(), s.input, s.output,
                Optional.ofNullable(s.cost))));
        return UsageReport.reported(rows);
    }
}

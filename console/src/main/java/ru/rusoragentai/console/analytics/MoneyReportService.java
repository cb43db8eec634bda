package ru.rusoragentai.console.analytics;

import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.export.Column;
import ru.rusoragentai.console.security.Role;

/**
 * Revenue and the token economy for analysts, from the money roll-ups (never the payment or ledger tables), without
 * users who restricted or objected to processing and deleted accounts. Amounts stay per currency: they are never
 * added across currencies. Every view and export is audited.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class MoneyReportService {

    /** What revenue rows are split by besides the period and currency. */
    public enum RevenueSplit {
        NONE, CHANNEL, PRODUCT
    }

    /** Revenue per period, with totals per currency, and the channels and token packs the range holds. */
    public record RevenueReport(List<RevenueFigures> rows, List<RevenueFigures> totals, List<String> channels, List<String> products) {
    }

    /** The token economy per period, with totals; {@code outstandingAtStart} is what users held when the range began. */
    public record TokenReport(List<TokenFigures> rows, TokenFigures totals, long outstandingAtStart) {
    }

    private final MoneyReportRepository repository;
    private final AuditService audit;

    MoneyReportService(MoneyReportRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional
    public RevenueReport revenue(LocalDate from, LocalDate until, Grouping grouping, RevenueSplit split, @Nullable String channel,
                                 @Nullable String product) {
        RevenueReport report = computeRevenue(from, until, grouping, split, channel, product);
        audit.record("analytics.viewed", "report", "revenue", describe(from, until, grouping, split, channel, product));
        return report;
    }

    @Transactional
    public TokenReport tokens(LocalDate from, LocalDate until, Grouping grouping) {
        TokenReport report = computeTokens(from, until, grouping);
        audit.record("analytics.viewed", "report", "tokens", describe(from, until, grouping, RevenueSplit.NONE, null, null));
        return report;
    }

    @Transactional
    public void exportRevenue(LocalDate from, LocalDate until, Grouping grouping, RevenueSplit split, @Nullable String channel,
                              @Nullable String product, ExportFormat format, Function<String, String> label, OutputStream out) {
        RevenueReport report = computeRevenue(from, until, grouping, split, channel, product);
        revenueTable(report, split, label).write(format, "revenue", out);
        audit.record("analytics.export", "report", "revenue", format.extension() + ", "
                + describe(from, until, grouping, split, channel, product) + ": " + report.rows().size() + " rows");
    }

    @Transactional
    public void exportTokens(LocalDate from, LocalDate until, Grouping grouping, ExportFormat format, Function<String, String> label,
                             OutputStream out) {
        TokenReport report = computeTokens(from, until, grouping);
        tokenTable(report, label).write(format, "tokens", out);
        audit.record("analytics.export", "report", "tokens", format.extension() + ", "
                + describe(from, until, grouping, RevenueSplit.NONE, null, null) + ": " + report.rows().size() + " rows");
    }

    /**
     * Revenue as a table, amounts in major units of their currency, a totals row per currency; without a split the
     * split column is left out.
     */
    public static ReportTable revenueTable(RevenueReport report, RevenueSplit split, Function<String, String> label) {
        boolean keyed = split != RevenueSplit.NONE;
        List<Column> columns = new ArrayList<>(List.of(Column.date(label.apply("reports.period"))));
        if (keyed) {
            columns.add(Column.text(label.apply("revenue.split." + split.name().toLowerCase(java.util.Locale.ROOT))));
        }
        columns.addAll(List.of(Column.text(label.apply("revenue.currency")), Column.integer(label.apply("revenue.purchases")),
                Column.integer(label.apply("revenue.first")), Column.integer(label.apply("revenue.repeat")),
                Column.decimal(label.apply("revenue.gross")), Column.integer(label.apply("revenue.refunds")),
                Column.decimal(label.apply("revenue.refunded")), Column.integer(label.apply("revenue.chargebacks")),
                Column.decimal(label.apply("revenue.charged-back")), Column.decimal(label.apply("revenue.net")),
                Column.integer(label.apply("revenue.tokens"))));
        return new ReportTable(columns, report.rows().stream().map(f -> revenueCells(f, f.key(), keyed)).toList(),
                report.totals().stream().map(f -> revenueCells(f, label.apply("reports.total"), keyed)).toList());
    }

    /** The token economy as a table. */
    public static ReportTable tokenTable(TokenReport report, Function<String, String> label) {
        List<Column> columns = List.of(Column.date(label.apply("reports.period")), Column.integer(label.apply("tokens.purchased")),
                Column.integer(label.apply("tokens.bonuses")), Column.integer(label.apply("tokens.credited")),
                Column.integer(label.apply("tokens.issued")), Column.integer(label.apply("tokens.consumed")),
                Column.integer(label.apply("tokens.expired")), Column.integer(label.apply("tokens.taken-back")),
                Column.integer(label.apply("tokens.net")), Column.integer(label.apply("tokens.outstanding")));
        return new ReportTable(columns, report.rows().stream().map(MoneyReportService::tokenCells).toList(),
                tokenCells(report.totals()));
    }

    private static Object[] revenueCells(RevenueFigures f, @Nullable String key, boolean keyed) {
        Object[] figures = {f.currency(), f.purchases(), f.firstPurchases(), f.repeatPurchases(), major(f.grossMinor()), f.refunds(),
                major(f.refundedMinor()), f.chargebacks(), major(f.chargedBackMinor()), major(f.netMinor()), f.tokensSold()};
        Object[] cells = new Object[figures.length + (keyed ? 2 : 1)];
        cells[0] = f.period();
        if (keyed) {
            cells[1] = key;
        }
        System.arraycopy(figures, 0, cells, keyed ? 2 : 1, figures.length);
        return cells;
    }

    private static Object[] tokenCells(TokenFigures f) {
        return new Object[] {f.period(), f.purchased(), f.bonuses(), f.credited(), f.issued(), f.consumed(), f.expired(),
                f.takenBack(), f.net(), f.outstandingAtEnd()};
    }

    /** Minor units as a decimal of the major unit (all currencies the channels use have two decimals). */
    private static java.math.BigDecimal major(long minor) {
        return java.math.BigDecimal.valueOf(minor, 2);
    }

    private RevenueReport computeRevenue(LocalDate from, LocalDate until, Grouping grouping, RevenueSplit split,
                                         @Nullable String channel, @Nullable String product) {
        UsageReportService.checkRange(from, until);
        Map<List<Object>, RevenueFigures> rows = new TreeMap<>(Comparator.comparing((List<Object> k) -> (LocalDate) k.get(0))
                .thenComparing(k -> (String) k.get(1)).thenComparing(k -> (String) k.get(2)));
        Map<String, RevenueFigures> totals = new TreeMap<>();
        repository.revenue(from, until, channel, product, row -> {
            LocalDate period = grouping.start(row.day());
            String key = switch (split) {
                case NONE -> "";
                case CHANNEL -> row.channel();
                case PRODUCT -> row.product();
            };
            rows.merge(List.of(period, key, row.currency()), RevenueFigures.empty(period, split == RevenueSplit.NONE ? null : key,
                    row.currency()).plus(row), (a, b) -> a.plus(row));
            totals.merge(row.currency(), RevenueFigures.empty(null, null, row.currency()).plus(row), (a, b) -> a.plus(row));
        });
        List<List<String>> choices = repository.revenueChoices(from, until);
        return new RevenueReport(List.copyOf(rows.values()), List.copyOf(totals.values()), choices.get(0), choices.get(1));
    }

    private TokenReport computeTokens(LocalDate from, LocalDate until, Grouping grouping) {
        UsageReportService.checkRange(from, until);
        long opening = repository.outstandingBefore(from);
        Map<LocalDate, long[]> periods = new TreeMap<>();
        repository.ledger(from, until, row -> {
            long[] sums = periods.computeIfAbsent(grouping.start(row.day()), p -> new long[6]);
            switch (row.kind()) {
                case "purchase" -> {
                    sums[0] += row.credited();
                    sums[5] += row.debited();
                }
                case "bonus" -> {
                    sums[1] += row.credited();
                    sums[5] += row.debited();
                }
                case "adjustment" -> {
                    sums[2] += row.credited();
                    sums[5] += row.debited();
                }
                case "usage" -> sums[3] += row.debited() - row.credited();
                case "expiry" -> sums[4] += row.debited() - row.credited();
                default -> sums[5] += row.debited() - row.credited();
            }
        });
        List<TokenFigures> rows = new ArrayList<>();
        long outstanding = opening;
        long[] total = new long[6];
        for (Map.Entry<LocalDate, long[]> period : periods.entrySet()) {
            long[] s = period.getValue();
            outstanding += s[0] + s[1] + s[2] - s[3] - s[4] - s[5];
            rows.add(new TokenFigures(period.getKey(), s[0], s[1], s[2], s[3], s[4], s[5], outstanding));
            for (int i = 0; i < total.length; i++) {
                total[i] += s[i];
            }
        }
        return new TokenReport(rows, new TokenFigures(null, total[0], total[1], total[2], total[3], total[4], total[5], outstanding),
                opening);
    }

    private static String describe(LocalDate from, LocalDate until, Grouping grouping, RevenueSplit split, @Nullable String channel,
                                   @Nullable String product) {
        return from + ".." + until + " by " + grouping.name().toLowerCase(java.util.Locale.ROOT)
                + (split == RevenueSplit.NONE ? "" : " and " + split.name().toLowerCase(java.util.Locale.ROOT))
                + (channel == null ? "" : ", channel=" + channel) + (product == null ? "" : ", product=" + product);
    }
}

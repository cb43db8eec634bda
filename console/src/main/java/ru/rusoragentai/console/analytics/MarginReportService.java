package ru.rusoragentai.console.analytics;

import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.export.Column;
import ru.rusoragentai.console.models.PricingProperties;
import ru.rusoragentai.console.security.Role;

/**
 * Margin per model and provider for analysts: the platform tokens users were charged, valued at the configured price
 * ({@code console.pricing.usd-per-million-platform-tokens}), against what the provider cost. The cost of a day and
 * model is the provider's reconciled cost where reconciliation has it, shared out by the tokens the roll-up counts
 * (which leaves out users who restricted or objected to processing), and the list price of the provider's last
 * catalogue otherwise. The usage data has no cached tokens, so none are discounted. Every view and export is audited.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class MarginReportService {

    /** What margin rows are split by besides the period. */
    public enum MarginSplit {
        NONE, PROVIDER, MODEL
    }

    /** The margin per period and split, with totals, and the providers and models the range holds. */
    public record MarginReport(List<MarginFigures> rows, MarginFigures totals, List<String> providers, List<String> models) {
    }

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final MarginReportRepository repository;
    private final UsageReportRepository usage;
    private final PricingProperties pricing;
    private final AuditService audit;

    MarginReportService(MarginReportRepository repository, UsageReportRepository usage, PricingProperties pricing, AuditService audit) {
        this.repository = repository;
        this.usage = usage;
        this.pricing = pricing;
        this.audit = audit;
    }

    @Transactional
    public MarginReport margin(LocalDate from, LocalDate until, Grouping grouping, MarginSplit split, @Nullable String provider,
                               @Nullable String model) {
        MarginReport report = compute(from, until, grouping, split, provider, model);
        audit.record("analytics.viewed", "report", "margin", describe(from, until, grouping, split, provider, model));
        return report;
    }

    @Transactional
    public void export(LocalDate from, LocalDate until, Grouping grouping, MarginSplit split, @Nullable String provider,
                       @Nullable String model, ExportFormat format, Function<String, String> label, OutputStream out) {
        MarginReport report = compute(from, until, grouping, split, provider, model);
        table(report, split, label).write(format, "margin", out);
        audit.record("analytics.export", "report", "margin", format.extension() + ", "
                + describe(from, until, grouping, split, provider, model) + ": " + report.rows().size() + " rows");
    }

    /** The margin as a table; without a split the split column is left out. */
    public static ReportTable table(MarginReport report, MarginSplit split, Function<String, String> label) {
        boolean keyed = split != MarginSplit.NONE;
        List<Column> columns = new ArrayList<>(List.of(Column.date(label.apply("reports.period"))));
        if (keyed) {
            columns.add(Column.text(label.apply("reports.breakdown." + split.name().toLowerCase(Locale.ROOT))));
        }
        columns.addAll(List.of(Column.integer(label.apply("reports.tokens-in")), Column.integer(label.apply("reports.tokens-out")),
                Column.integer(label.apply("reports.charged")), Column.decimal(label.apply("margin.revenue")),
                Column.decimal(label.apply("margin.cost")), Column.decimal(label.apply("margin.margin")),
                Column.percent(label.apply("margin.share")), Column.percent(label.apply("margin.reconciled")),
                Column.integer(label.apply("margin.unpriced"))));
        return new ReportTable(columns, report.rows().stream().map(f -> cells(f, f.key(), keyed)).toList(),
                cells(report.totals(), label.apply("reports.total"), keyed));
    }

    private static Object[] cells(MarginFigures f, @Nullable String key, boolean keyed) {
        Object[] figures = {f.inputTokens(), f.outputTokens(), f.tokensCharged(), cents(f.revenue()), cents(f.cost()),
                cents(f.margin()), f.marginShare(), f.reconciledShare(), f.unpricedTokens()};
        Object[] cells = new Object[figures.length + (keyed ? 2 : 1)];
        cells[0] = f.period();
        if (keyed) {
            cells[1] = key;
        }
        System.arraycopy(figures, 0, cells, keyed ? 2 : 1, figures.length);
        return cells;
    }

    private static BigDecimal cents(BigDecimal usd) {
        return usd.setScale(2, RoundingMode.HALF_UP);
    }

    private MarginReport compute(LocalDate from, LocalDate until, Grouping grouping, MarginSplit split, @Nullable String provider,
                                 @Nullable String model) {
        UsageReportService.checkRange(from, until);
        Map<String, MarginReportRepository.ListPrice> prices = repository.listPrices();
        Map<MarginReportRepository.DayModel, MarginReportRepository.Reconciled> reconciled = repository.reconciled(from, until);
        Map<List<String>, MarginFigures> rows = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        MarginFigures[] total = {MarginFigures.empty(null, null)};
        repository.usage(from, until, provider, model, row -> {
            LocalDate period = grouping.start(row.day());
            String key = switch (split) {
                case NONE -> "";
                case PROVIDER -> row.provider();
                case MODEL -> row.provider() + "/" + row.model();
            };
            MarginFigures figures = figures(row, prices.get(row.provider() + "/" + row.model()),
                    reconciled.get(new MarginReportRepository.DayModel(row.day(), row.provider(), row.model())));
            rows.merge(List.of(period.toString(), key), MarginFigures.empty(period, split == MarginSplit.NONE ? null : key).plus(figures),
                    (a, b) -> a.plus(figures));
            total[0] = total[0].plus(figures);
        });
        UsageReport.Choices choices = usage.choices(from, until);
        return new MarginReport(List.copyOf(rows.values()), total[0], choices.providers(), choices.models());
    }

    /** One day, provider and model valued: revenue at the platform price, cost reconciled or at list price. */
    private MarginFigures figures(MarginReportRepository.UsageRow row, MarginReportRepository.@Nullable ListPrice price,
                                  MarginReportRepository.@Nullable Reconciled reported) {
        BigDecimal revenue = pricing.usdPerMillionPlatformTokens().multiply(BigDecimal.valueOf(row.tokensCharged()))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
        long tokens = row.inputTokens() + row.outputTokens();
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal reconciledCost = BigDecimal.ZERO;
        long unpriced = 0;
        if (reported != null && reported.ourTokens() > 0) {
            reconciledCost = reported.cost().multiply(BigDecimal.valueOf(Math.min(tokens, reported.ourTokens())))
                    .divide(BigDecimal.valueOf(reported.ourTokens()), 6, RoundingMode.HALF_UP);
            cost = reconciledCost;
        } else if (price != null && price.input() != null && price.output() != null) {
            cost = price.input().multiply(BigDecimal.valueOf(row.inputTokens()))
                    .add(price.output().multiply(BigDecimal.valueOf(row.outputTokens()))).divide(MILLION, 6, RoundingMode.HALF_UP);
        } else {
            unpriced = tokens;
        }
        return new MarginFigures(null, null, row.inputTokens(), row.outputTokens(), row.tokensCharged(), revenue, cost,
                reconciledCost, unpriced);
    }

    private static String describe(LocalDate from, LocalDate until, Grouping grouping, MarginSplit split, @Nullable String provider,
                                   @Nullable String model) {
        return from + ".." + until + " by " + grouping.name().toLowerCase(Locale.ROOT)
                + (split == MarginSplit.NONE ? "" : " and " + split.name().toLowerCase(Locale.ROOT))
                + (provider == null ? "" : ", provider=" + provider) + (model == null ? "" : ", model=" + model);
    }
}

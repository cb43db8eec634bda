package ru.rusoragentai.console.analytics;

import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.export.Column;
import ru.rusoragentai.console.security.Role;

/**
 * Cohorts for analysts, from the cohort roll-ups (exact distinct users as bitmaps; never the raw tables): users by
 * sign-up week or month against the share still active and the revenue in each later period, and ARPU and ARPPU per
 * period. Users who restricted or objected to processing and deleted accounts are left out. Views and exports are
 * audited.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class CohortReportService {

    /** Which of the cohort tables is shown or exported. */
    public enum CohortTable {
        RETENTION, REVENUE, ARPU
    }

    private final CohortReportRepository repository;
    private final AuditService audit;

    CohortReportService(CohortReportRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional
    public CohortReport cohorts(LocalDate from, LocalDate until, Grouping grouping) {
        CohortReport report = compute(from, until, grouping);
        audit.record("analytics.viewed", "report", "cohorts", describe(from, until, grouping) + ": " + report.cohorts().size() + " cohorts");
        return report;
    }

    @Transactional
    public void export(LocalDate from, LocalDate until, Grouping grouping, CohortTable which, ExportFormat format,
                       Function<String, String> label, OutputStream out) {
        CohortReport report = compute(from, until, grouping);
        table(report, which, label).write(format, "cohorts", out);
        audit.record("analytics.export", "report", "cohorts", format.extension() + ", " + which.name().toLowerCase(Locale.ROOT)
                + ", " + describe(from, until, grouping));
    }

    /** One of the cohort tables, headers in the reader's language. */
    public static ReportTable table(CohortReport report, CohortTable which, Function<String, String> label) {
        return switch (which) {
            case RETENTION -> retentionTable(report, label);
            case REVENUE -> revenueTable(report, label);
            case ARPU -> arpuTable(report, label);
        };
    }

    private static ReportTable retentionTable(CohortReport report, Function<String, String> label) {
        List<Column> columns = new ArrayList<>(List.of(Column.date(label.apply("cohorts.cohort")), Column.integer(label.apply("cohorts.users"))));
        offsets(report, label).forEach(header -> columns.add(Column.percent(header)));
        List<Object[]> rows = new ArrayList<>();
        long[] active = new long[report.periods().size()];
        long[] base = new long[report.periods().size()];
        long users = 0;
        for (CohortReport.Cohort cohort : report.cohorts()) {
            Object[] cells = new Object[columns.size()];
            cells[0] = cohort.period();
            cells[1] = cohort.users();
            users += cohort.users();
            for (int offset = 0; offset < cohort.active().size(); offset++) {
                cells[2 + offset] = cohort.activeShare(offset);
                active[offset] += cohort.active().get(offset);
                base[offset] += cohort.users();
            }
            rows.add(cells);
        }
        Object[] totals = new Object[columns.size()];
        totals[1] = users;
        for (int offset = 0; offset < active.length; offset++) {
            totals[2 + offset] = base[offset] == 0 ? null : active[offset] / (double) base[offset];
        }
        return new ReportTable(columns, rows, totals);
    }

    private static ReportTable revenueTable(CohortReport report, Function<String, String> label) {
        List<Column> columns = new ArrayList<>(List.of(Column.date(label.apply("cohorts.cohort")), Column.text(label.apply("revenue.currency")),
                Column.integer(label.apply("cohorts.users"))));
        offsets(report, label).forEach(header -> columns.add(Column.decimal(header)));
        List<Object[]> rows = new ArrayList<>();
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Long> users = new TreeMap<>();
        for (CohortReport.Cohort cohort : report.cohorts()) {
            cohort.revenue().forEach((currency, amounts) -> {
                Object[] cells = new Object[columns.size()];
                cells[0] = cohort.period();
                cells[1] = currency;
                cells[2] = cohort.users();
                users.merge(currency, cohort.users(), Long::sum);
                long[] sums = totals.computeIfAbsent(currency, c -> new long[report.periods().size()]);
                for (int offset = 0; offset < amounts.size(); offset++) {
                    cells[3 + offset] = BigDecimal.valueOf(amounts.get(offset), 2);
                    sums[offset] += amounts.get(offset);
                }
                rows.add(cells);
            });
        }
        List<Object[]> totalRows = new ArrayList<>();
        totals.forEach((currency, sums) -> {
            Object[] cells = new Object[columns.size()];
            cells[1] = currency;
            cells[2] = users.get(currency);
            for (int offset = 0; offset < sums.length; offset++) {
                cells[3 + offset] = BigDecimal.valueOf(sums[offset], 2);
            }
            totalRows.add(cells);
        });
        return new ReportTable(columns, rows, totalRows);
    }

    private static ReportTable arpuTable(CohortReport report, Function<String, String> label) {
        List<Column> columns = List.of(Column.date(label.apply("reports.period")), Column.text(label.apply("revenue.currency")),
                Column.integer(label.apply("reports.users")), Column.integer(label.apply("cohorts.paying")),
                Column.decimal(label.apply("revenue.net")), Column.decimal(label.apply("cohorts.arpu")),
                Column.decimal(label.apply("cohorts.arppu")));
        Function<CohortReport.PeriodFigures, Object[]> cells = f -> new Object[] {f.period(), f.currency(), f.activeUsers(),
                f.payingUsers(), BigDecimal.valueOf(f.netMinor(), 2), f.arpu(), f.arppu()};
        return new ReportTable(columns, report.periodRows().stream().map(cells).toList(), report.periodTotals().stream().map(cells).toList());
    }

    /** "Month 0", "Month 1", ... (or weeks): the periods after sign-up. */
    private static List<String> offsets(CohortReport report, Function<String, String> label) {
        String word = label.apply("cohorts.offset." + report.grouping().name().toLowerCase(Locale.ROOT));
        List<String> headers = new ArrayList<>();
        for (int offset = 0; offset < report.periods().size(); offset++) {
            headers.add(word + " " + offset);
        }
        return headers;
    }

    private CohortReport compute(LocalDate from, LocalDate until, Grouping grouping) {
        UsageReportService.checkRange(from, until);
        if (grouping == Grouping.DAY) {
            throw new ReportException("cohorts.error.grouping");
        }
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate period = grouping.start(from); period.isBefore(until); period = next(grouping, period)) {
            periods.add(period);
        }
        Map<LocalDate, MutableRoaringBitmap> signedUp = new HashMap<>();
        Map<LocalDate, MutableRoaringBitmap> active = new HashMap<>();
        Map<LocalDate, MutableRoaringBitmap> paying = new HashMap<>();
        repository.userDays(from, until, day -> {
            LocalDate period = grouping.start(day.day());
            signedUp.computeIfAbsent(period, p -> new MutableRoaringBitmap()).or(bitmap(day.signedUp()));
            active.computeIfAbsent(period, p -> new MutableRoaringBitmap()).or(bitmap(day.active()));
            paying.computeIfAbsent(period, p -> new MutableRoaringBitmap()).or(bitmap(day.paying()));
        });
        Map<LocalDate, Map<String, long[]>> cohortRevenue = new HashMap<>();
        Map<LocalDate, Map<String, Long>> periodNet = new HashMap<>();
        TreeSet<String> currencies = new TreeSet<>();
        repository.revenue(from, until, row -> {
            LocalDate period = grouping.start(row.day());
            currencies.add(row.currency());
            periodNet.computeIfAbsent(period, p -> new HashMap<>()).merge(row.currency(), row.netMinor(), Long::sum);
            LocalDate cohort = grouping.start(row.signupDay());
            int offset = periods.indexOf(period) - periods.indexOf(cohort);
            if (!row.signupDay().isBefore(from) && offset >= 0) {
                cohortRevenue.computeIfAbsent(cohort, c -> new TreeMap<>())
                        .computeIfAbsent(row.currency(), c -> new long[periods.size() - periods.indexOf(cohort)])[offset] += row.netMinor();
            }
        });
        List<CohortReport.Cohort> cohorts = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            MutableRoaringBitmap cohort = signedUp.get(periods.get(i));
            if (cohort == null || cohort.isEmpty()) {
                continue;
            }
            List<Long> retained = new ArrayList<>();
            for (int j = i; j < periods.size(); j++) {
                MutableRoaringBitmap then = active.get(periods.get(j));
                retained.add(then == null ? 0L : ImmutableRoaringBitmap.andCardinality(cohort, then));
            }
            Map<String, List<Long>> revenue = new TreeMap<>();
            cohortRevenue.getOrDefault(periods.get(i), Map.of())
                    .forEach((currency, amounts) -> revenue.put(currency, Arrays.stream(amounts).boxed().toList()));
            cohorts.add(new CohortReport.Cohort(periods.get(i), cohort.getLongCardinality(), retained, revenue));
        }
        return new CohortReport(grouping, periods, cohorts, periodRows(periods, currencies, active, paying, periodNet),
                periodTotals(currencies, active, paying, periodNet));
    }

    private static List<CohortReport.PeriodFigures> periodRows(List<LocalDate> periods, TreeSet<String> currencies,
                                                               Map<LocalDate, MutableRoaringBitmap> active,
                                                               Map<LocalDate, MutableRoaringBitmap> paying,
                                                               Map<LocalDate, Map<String, Long>> net) {
        List<CohortReport.PeriodFigures> rows = new ArrayList<>();
        for (LocalDate period : periods) {
            long activeUsers = cardinality(active.get(period));
            long payingUsers = cardinality(paying.get(period));
            if (currencies.isEmpty()) {
                rows.add(new CohortReport.PeriodFigures(period, null, activeUsers, payingUsers, 0));
            }
            for (String currency : currencies) {
                rows.add(new CohortReport.PeriodFigures(period, currency, activeUsers, payingUsers,
                        net.getOrDefault(period, Map.of()).getOrDefault(currency, 0L)));
            }
        }
        return rows;
    }

    /** The whole range per currency: everyone active or paying in any period, counted once. */
    private static List<CohortReport.PeriodFigures> periodTotals(TreeSet<String> currencies, Map<LocalDate, MutableRoaringBitmap> active,
                                                                 Map<LocalDate, MutableRoaringBitmap> paying,
                                                                 Map<LocalDate, Map<String, Long>> net) {
        long activeUsers = MutableRoaringBitmap.or(active.values().iterator()).getLongCardinality();
        long payingUsers = MutableRoaringBitmap.or(paying.values().iterator()).getLongCardinality();
        if (currencies.isEmpty()) {
            return List.of(new CohortReport.PeriodFigures(null, null, activeUsers, payingUsers, 0));
        }
        return currencies.stream().map(currency -> new CohortReport.PeriodFigures(null, currency, activeUsers, payingUsers,
                net.values().stream().mapToLong(m -> m.getOrDefault(currency, 0L)).sum())).toList();
    }

    private static long cardinality(@Nullable MutableRoaringBitmap users) {
        return users == null ? 0 : users.getLongCardinality();
    }

    private static ImmutableRoaringBitmap bitmap(byte[] bytes) {
        return new ImmutableRoaringBitmap(ByteBuffer.wrap(bytes));
    }

    private static LocalDate next(Grouping grouping, LocalDate period) {
        return grouping == Grouping.WEEK ? period.plusWeeks(1) : period.plusMonths(1);
    }

    private static String describe(LocalDate from, LocalDate until, Grouping grouping) {
        return from + ".." + until + " by " + grouping.name().toLowerCase(Locale.ROOT);
    }
}

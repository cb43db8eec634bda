package ru.rusoragentai.console.analytics;

import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.BufferFastAggregation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.export.Column;
import ru.rusoragentai.console.security.Role;

/**
 * The usage report for analysts: requests, distinct active users, tokens, error rate and latency percentiles per day,
 * week or month, split by provider, model, feature or country and narrowed by any of them, with totals, from the
 * analysts' roll-up (never the raw events), which leaves out users who restricted or objected to processing and
 * deleted accounts. Every view and export is audited with its filters.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class UsageReportService {

    /** The longest range a report reads (the refusal names it: reports.error.range). */
    static final int MAX_DAYS = 400;

    private final UsageReportRepository repository;
    private final AuditService audit;
    private final Clock clock;

    UsageReportService(UsageReportRepository repository, AuditService audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in UTC on the console's clock: the default end of a report's range. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The report for a query; audited as a view. */
    @Transactional
    public UsageReport report(UsageQuery query) {
        UsageReport report = compute(query);
        audit.record("analytics.viewed", "report", "usage", query.describe() + ": " + report.rows().size() + " rows");
        return report;
    }

    /**
     * Writes the report with exactly the query's filters and a totals row to {@code out}; {@code label} words the
     * headers in the reader's language. Audited as an export.
     */
    @Transactional
    public void export(UsageQuery query, ExportFormat format, Function<String, String> label, OutputStream out) {
        UsageReport report = compute(query);
        table(report, label).write(format, "usage", out);
        audit.record("analytics.export", "report", "usage", format.extension() + ", " + query.describe() + ": "
                + report.rows().size() + " rows; restricted and objecting users left out");
    }

    /** The report as a table with headers in the reader's language ({@code label} words them). */
    public static ReportTable table(UsageReport report, Function<String, String> label) {
        List<Column> columns = List.of(Column.date(label.apply("reports.period")),
                Column.text(label.apply("reports.breakdown." + report.query().breakdown().name().toLowerCase(java.util.Locale.ROOT))),
                Column.integer(label.apply("reports.requests")), Column.integer(label.apply("reports.users")),
                Column.integer(label.apply("reports.tokens-in")), Column.integer(label.apply("reports.tokens-out")),
                Column.integer(label.apply("reports.charged")), Column.percent(label.apply("reports.error-rate")),
                Column.integer(label.apply("reports.p50")), Column.integer(label.apply("reports.p95")));
        return new ReportTable(columns, report.rows().stream().map(row -> cells(row, row.key())).toList(),
                cells(report.totals(), label.apply("reports.total")));
    }

    private static Object[] cells(UsageFigures row, @Nullable String key) {
        return new Object[] {row.period(), key, row.requests(), row.users(), row.inputTokens(), row.outputTokens(),
                row.tokensCharged(), row.errorRate(), row.p50Millis(), row.p95Millis()};
    }

    private UsageReport compute(UsageQuery query) {
        checkRange(query.from(), query.until());
        Map<Bucket, Sum> sums = new HashMap<>();
        Sum total = new Sum();
        UsersSlice slice = UsersSlice.of(query);
        repository.rows(query, slice == null, row -> {
            ImmutableRoaringBitmap users = row.users() == null ? null : new ImmutableRoaringBitmap(ByteBuffer.wrap(row.users()));
            sums.computeIfAbsent(new Bucket(query.grouping().start(row.day()), key(query.breakdown(), row)), b -> new Sum())
                    .add(row, users);
            total.add(row, users);
        });
        if (slice != null) {
            // one bitmap per day and bucket, the union over the dimensions the report does not split by
            repository.users(query.from(), query.until(), slice.dimension(), slice.value(), day -> {
                ImmutableRoaringBitmap users = new ImmutableRoaringBitmap(ByteBuffer.wrap(day.users()));
                Sum sum = sums.get(new Bucket(query.grouping().start(day.day()),
                        query.breakdown() == Breakdown.NONE ? null : day.value()));
                if (sum != null) {
                    sum.users.add(users);
                }
                total.users.add(users);
            });
        }
        List<UsageFigures> rows = new ArrayList<>(sums.size());
        sums.forEach((bucket, sum) -> rows.add(sum.figures(bucket.period(), bucket.key())));
        rows.sort(Comparator.comparing(UsageFigures::period, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(UsageFigures::key, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new UsageReport(query, rows, total.figures(null, null), repository.choices(query.from(), query.until()));
    }

    private static @Nullable String key(Breakdown breakdown, UsageReportRepository.Row row) {
        return switch (breakdown) {
            case NONE -> null;
            case PROVIDER -> row.provider();
            case MODEL -> row.model();
            case FEATURE -> row.feature();
            case COUNTRY -> row.country();
        };
    }

    /**
     * Where a query's distinct users can come from the per-dimension roll-up: a split by one dimension (or none) with no
     * filter, or with a filter on that same dimension only. Any other mix needs the combination rows' own bitmaps.
     */
    record UsersSlice(String dimension, @Nullable String value) {

        static @Nullable UsersSlice of(UsageQuery query) {
            Map<Breakdown, String> filters = new java.util.EnumMap<>(Breakdown.class);
            if (query.provider() != null) {
                filters.put(Breakdown.PROVIDER, query.provider());
            }
            if (query.model() != null) {
                filters.put(Breakdown.MODEL, query.model());
            }
            if (query.feature() != null) {
                filters.put(Breakdown.FEATURE, query.feature());
            }
            if (query.country() != null) {
                filters.put(Breakdown.COUNTRY, query.country());
            }
            if (filters.isEmpty()) {
                return new UsersSlice(query.breakdown() == Breakdown.NONE ? "all" : name(query.breakdown()), null);
            }
            Breakdown filtered = filters.keySet().iterator().next();
            if (filters.size() == 1 && (query.breakdown() == Breakdown.NONE || query.breakdown() == filtered)) {
                return new UsersSlice(name(filtered), filters.get(filtered));
            }
            return null;
        }

        private static String name(Breakdown breakdown) {
            return breakdown.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Refuses a range that is empty or longer than {@link #MAX_DAYS}: every report reads at most that many days. */
    static void checkRange(LocalDate from, LocalDate until) {
        if (!from.isBefore(until) || from.plusDays(MAX_DAYS).isBefore(until)) {
            throw new ReportException("reports.error.range");
        }
    }

    private record Bucket(LocalDate period, @Nullable String key) {
        Bucket {
            Objects.requireNonNull(period);
        }
    }

    /** What the roll-up rows of one period and key add up to. */
    private static final class Sum {
        private long requests;
        private long errors;
        private long input;
        private long output;
        private long charged;
        private final LatencyHistogram latency = new LatencyHistogram();
        // OR'ed all at once at the end (RoaringBitmap's horizontal OR), much quicker than one at a time
        private final List<ImmutableRoaringBitmap> users = new ArrayList<>();

        void add(UsageReportRepository.Row row, @Nullable ImmutableRoaringBitmap rowUsers) {
            requests += row.requests();
            errors += row.errors();
            input += row.inputTokens();
            output += row.outputTokens();
            charged += row.tokensCharged();
            latency.add(row.latencyHist());
            if (rowUsers != null) {
                users.add(rowUsers);
            }
        }

        UsageFigures figures(@Nullable LocalDate period, @Nullable String key) {
            long distinct = users.isEmpty() ? 0 : BufferFastAggregation.or(users.iterator()).getLongCardinality();
            return new UsageFigures(period, key, requests, distinct, input, output, charged, errors,
                    latency.percentile(0.5), latency.percentile(0.95));
        }
    }
}

package ru.rusoragentai.console.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import ru.rusoragentai.console.analytics.Breakdown;
import ru.rusoragentai.console.analytics.CohortReportService;
import ru.rusoragentai.console.analytics.MarginReportService;
import ru.rusoragentai.console.analytics.Grouping;
import ru.rusoragentai.console.analytics.MoneyReportService;
import ru.rusoragentai.console.analytics.UsageQuery;
import ru.rusoragentai.console.analytics.UsageReportService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.usage.UsageRollupService;

/**
 * Analyst report benchmark on a loaded database (see bench/reports.sh): the start of a console whose analysts'
 * roll-ups are empty (it backfills them), then each report over 13 months, three times, beside the floor of reading
 * the same roll-up rows once; with {@code --bench.reports.rebuild-days=N}, also the rebuild of the last N days.
 * Prints RESULT lines. The roll-ups it builds stay in that database.
 */
public final class ReportBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ReportBenchmark.class);

    private ReportBenchmark() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = BenchContext.start(args)) {
            log.info("RESULT console start, analysts' roll-ups backfilled where empty: {} s", (System.nanoTime() - started) / 1_000_000_000);
            BenchContext.signIn("bench-analyst", Role.ANALYST);
            ReportBenchData data = context.getBean(ReportBenchData.class);
            UsageReportService usage = context.getBean(UsageReportService.class);
            MoneyReportService money = context.getBean(MoneyReportService.class);
            MarginReportService margin = context.getBean(MarginReportService.class);
            CohortReportService cohorts = context.getBean(CohortReportService.class);
            LocalDate until = LocalDate.now(context.getBean(Clock.class));
            LocalDate from = until.minusMonths(13);
            log.info("RESULT data set: {} usage events, {} payments, {} ledger rows; roll-ups: {} usage rows, {} revenue rows, {} ledger rows,"
                    + " {} user-day rows ({} MB of bitmaps)", data.count("usage_event"), data.count("payment"), data.count("token_ledger"),
                    data.count("report_usage_day"), data.count("report_revenue_day"), data.count("report_ledger_day"),
                    data.count("report_user_day"), data.bitmapBytes() >> 20);

            for (int round = 1; round <= 3; round++) {
                floor(round, "usage by month", () -> data.readUsageFloor(from, until, "all"));
                time(round, "usage by month", () -> usage.report(UsageQuery.of(from, until).grouped(Grouping.MONTH, Breakdown.NONE)).rows().size());
                floor(round, "usage by day and model", () -> data.readUsageFloor(from, until, "model"));
                time(round, "usage by day and model", () -> usage.report(UsageQuery.of(from, until).grouped(Grouping.DAY, Breakdown.MODEL)).rows().size());
                floor(round, "usage by week and country", () -> data.readUsageFloor(from, until, "country"));
                time(round, "usage by week and country", () -> usage.report(UsageQuery.of(from, until).grouped(Grouping.WEEK, Breakdown.COUNTRY)).rows().size());
                // a split and a filter on different dimensions: the combination rows' own bitmaps
                String provider = data.busiestProvider(from, until);
                floor(round, "usage by week and model of one provider", () -> data.readUsageRows(from, until));
                time(round, "usage by week and model of one provider", () -> usage.report(UsageQuery.of(from, until)
                        .grouped(Grouping.WEEK, Breakdown.MODEL).filtered(provider, null, null, null)).rows().size());
                time(round, "revenue by month and channel", () -> money.revenue(from, until, Grouping.MONTH,
                        MoneyReportService.RevenueSplit.CHANNEL, null, null).rows().size());
                time(round, "token economy by day", () -> money.tokens(from, until, Grouping.DAY).rows().size());
                time(round, "margin by month and model", () -> margin.margin(from, until, Grouping.MONTH,
                        MarginReportService.MarginSplit.MODEL, null, null).rows().size());
                time(round, "cohorts by month with ARPU", () -> cohorts.cohorts(from, until, Grouping.MONTH).cohorts().size());
                time(round, "cohorts by week with ARPU", () -> cohorts.cohorts(from, until, Grouping.WEEK).cohorts().size());
            }
            int rebuildDays = java.util.Arrays.stream(args).filter(a -> a.startsWith("--bench.reports.rebuild-days="))
                    .mapToInt(a -> Integer.parseInt(a.substring(a.indexOf('=') + 1))).findFirst().orElse(0);
            if (rebuildDays > 0) {
                long rebuild = System.nanoTime();
                context.getBean(UsageRollupService.class).rebuild(until.minusDays(rebuildDays), until);
                log.info("RESULT rebuild of both roll-ups for the last {} days: {} ms ({} ms a day)", rebuildDays, ms(rebuild),
                        ms(rebuild) / rebuildDays);
            }
        }
    }

    /** The floor of a report: what it reads, read once without adding up. */
    private static void floor(int round, String what, java.util.function.LongSupplier read) {
        long started = System.nanoTime();
        long bytes = read.getAsLong();
        log.info("RESULT round {} floor of {}: its rows read once ({} MB of bitmaps): {} ms", round, what, bytes >> 20, ms(started));
    }

    private static void time(int round, String what, Supplier<Integer> report) {
        long started = System.nanoTime();
        int rows = report.get();
        log.info("RESULT round {} {} over 13 months: {} ms ({} rows)", round, what, ms(started), rows);
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}

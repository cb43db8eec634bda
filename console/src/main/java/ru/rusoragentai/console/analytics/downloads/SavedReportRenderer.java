package ru.rusoragentai.console.analytics.downloads;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.analytics.Breakdown;
import ru.rusoragentai.console.analytics.CohortReportService;
import ru.rusoragentai.console.analytics.ExportFormat;
import ru.rusoragentai.console.analytics.Grouping;
import ru.rusoragentai.console.analytics.MarginReportService;
import ru.rusoragentai.console.analytics.MoneyReportService;
import ru.rusoragentai.console.analytics.UsageQuery;
import ru.rusoragentai.console.analytics.UsageReportService;
import ru.rusoragentai.console.i18n.Texts;

/**
 * Writes a saved report as the workbook its screen exports, over its rolling range ending today, through the report
 * services (so it is audited as their exports are), headers in the language it was saved in.
 */
@Component
class SavedReportRenderer {

    private final UsageReportService usage;
    private final MoneyReportService money;
    private final MarginReportService margin;
    private final CohortReportService cohorts;

    SavedReportRenderer(UsageReportService usage, MoneyReportService money, MarginReportService margin, CohortReportService cohorts) {
        this.usage = usage;
        this.money = money;
        this.margin = margin;
        this.cohorts = cohorts;
    }

    void render(SavedReport.Kind kind, SavedReport.Params params, LocalDate today, OutputStream out) {
        LocalDate from = today.minusDays(params.days());
        Grouping grouping = Grouping.valueOf(params.grouping());
        Locale language = Locale.forLanguageTag(params.language());
        Function<String, String> label = key -> Texts.in(language, key);
        Map<String, String> filters = params.filters();
        switch (kind) {
            case USAGE -> usage.export(UsageQuery.of(from, today).grouped(grouping, split(Breakdown.class, params.split(), Breakdown.NONE))
                    .filtered(filters.get("provider"), filters.get("model"), filters.get("feature"), filters.get("country")),
                    ExportFormat.XLSX, label, out);
            case REVENUE -> money.exportRevenue(from, today, grouping, split(MoneyReportService.RevenueSplit.class, params.split(),
                    MoneyReportService.RevenueSplit.NONE), filters.get("channel"), filters.get("product"), ExportFormat.XLSX, label, out);
            case MARGIN -> margin.export(from, today, grouping, split(MarginReportService.MarginSplit.class, params.split(),
                    MarginReportService.MarginSplit.NONE), filters.get("provider"), filters.get("model"), ExportFormat.XLSX, label, out);
            case COHORTS -> cohorts.export(from, today, grouping, split(CohortReportService.CohortTable.class, params.split(),
                    CohortReportService.CohortTable.RETENTION), ExportFormat.XLSX, label, out);
            case TOKENS -> money.exportTokens(from, today, grouping, ExportFormat.XLSX, label, out);
        }
    }

    private static <E extends Enum<E>> E split(Class<E> type, @Nullable String name, E none) {
        return name == null ? none : Enum.valueOf(type, name);
    }
}

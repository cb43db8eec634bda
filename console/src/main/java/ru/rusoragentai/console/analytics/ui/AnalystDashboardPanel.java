package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import ru.rusoragentai.console.analytics.Grouping;
import ru.rusoragentai.console.analytics.Breakdown;
import ru.rusoragentai.console.analytics.MoneyReportService;
import ru.rusoragentai.console.analytics.UsageFigures;
import ru.rusoragentai.console.analytics.UsageQuery;
import ru.rusoragentai.console.analytics.UsageReport;
import ru.rusoragentai.console.analytics.UsageReportService;
import ru.rusoragentai.console.kit.DashboardPanel;
import ru.rusoragentai.console.kit.EChart;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The analyst's dashboard: yesterday's requests, active users and tokens charged against the day before, each with
 * the last 30 days as a sparkline, linking to the usage report; and the last 30 days' requests per provider and net
 * revenue per day as charts, linking to their reports.
 */
@org.springframework.stereotype.Component
class AnalystDashboardPanel implements DashboardPanel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UsageReportService usage;
    private final MoneyReportService money;
    private final CurrentStaff staff;

    AnalystDashboardPanel(UsageReportService usage, MoneyReportService money, CurrentStaff staff) {
        this.usage = usage;
        this.money = money;
        this.staff = staff;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(Component dashboard) {
        if (!staff.hasRole(Role.ANALYST) && !staff.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        LocalDate today = usage.today();
        UsageReport days = usage.report(UsageQuery.of(today.minusDays(30), today).grouped(Grouping.DAY, Breakdown.NONE));
        Div row = new Div(kpi(dashboard, days.rows(), today, "dashboard-kpi-requests", "reports.requests", UsageFigures::requests),
                kpi(dashboard, days.rows(), today, "dashboard-kpi-users", "reports.users", UsageFigures::users),
                kpi(dashboard, days.rows(), today, "dashboard-kpi-charged", "reports.charged", UsageFigures::tokensCharged));
        row.addClassName("figure-cards");
        UsageReport byProvider = usage.report(UsageQuery.of(today.minusDays(30), today).grouped(Grouping.DAY, Breakdown.PROVIDER));
        EChart providers = new EChart();
        providers.setId("dashboard-usage-providers");
        providers.setOption(UsageChart.option(byProvider.rows(), UsageChart.Measure.REQUESTS, dashboard.getTranslation("reports.all"),
                dashboard.getTranslation("reports.other")));
        EChart revenue = new EChart();
        revenue.setId("dashboard-revenue");
        revenue.setOption(RevenueReportView.option(money.revenue(today.minusDays(30), today, Grouping.DAY,
                MoneyReportService.RevenueSplit.NONE, null, null).rows()));
        Div charts = new Div(chart(dashboard, "dashboard.usage-providers", "reports", providers),
                chart(dashboard, "dashboard.revenue-days", "reports/revenue", revenue));
        charts.addClassName("dashboard-charts");
        Div panel = new Div(new H3(dashboard.getTranslation("dashboard.analyst")), row, charts);
        panel.addClassName("dashboard-panel");
        return Optional.of(panel);
    }

    /** Yesterday's value, its change against the day before, and a 30-day sparkline. */
    private static Component kpi(Component dashboard, List<UsageFigures> days, LocalDate today, String id, String labelKey,
                                 ToLongFunction<UsageFigures> value) {
        long yesterday = on(days, today.minusDays(1), value);
        long before = on(days, today.minusDays(2), value);
        Span number = new Span(Numbers.whole(dashboard, yesterday));
        number.addClassName("figure-value");
        number.setId(id);
        Span change = new Span(before == 0 ? "—" : String.format(ru.rusoragentai.console.i18n.Texts.locale(dashboard), "%+.1f %%",
                100.0 * (yesterday - before) / before));
        change.setId(id + "-change");
        change.addClassName(yesterday >= before ? "figure-up" : "figure-down");
        Span label = new Span(dashboard.getTranslation(labelKey) + " · " + dashboard.getTranslation("dashboard.yesterday"));
        label.addClassName("figure-label");
        EChart spark = new EChart();
        spark.setHeight("48px");
        spark.addClassName("sparkline");
        spark.setId(id + "-spark");
        spark.setOption(sparkline(days, today, value));
        Anchor card = new Anchor("reports", number, change, label, spark);
        card.addClassName("figure-card");
        return card;
    }

    /** A titled chart that links to the screen behind it. */
    private static Component chart(Component dashboard, String titleKey, String route, EChart chart) {
        chart.setHeight("220px");
        Anchor title = new Anchor(route, dashboard.getTranslation(titleKey));
        title.addClassName("dashboard-chart-title");
        Div box = new Div(title, chart);
        box.addClassName("dashboard-chart");
        return box;
    }

    private static long on(List<UsageFigures> days, LocalDate day, ToLongFunction<UsageFigures> value) {
        return days.stream().filter(d -> day.equals(d.period())).mapToLong(value).sum();
    }

    static String sparkline(List<UsageFigures> days, LocalDate today, ToLongFunction<UsageFigures> value) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("grid").put("left", 0).put("right", 0).put("top", 4).put("bottom", 4);
        option.putObject("xAxis").put("type", "category").put("show", false);
        option.putObject("yAxis").put("type", "value").put("show", false);
        ArrayNode data = option.putArray("series").addObject().put("type", "line").put("showSymbol", false).putArray("data");
        for (LocalDate day = today.minusDays(30); day.isBefore(today); day = day.plusDays(1)) {
            data.add(on(days, day, value));
        }
        return option.toString();
    }
}

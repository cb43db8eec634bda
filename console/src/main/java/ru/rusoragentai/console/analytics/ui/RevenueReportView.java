package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ru.rusoragentai.console.analytics.MoneyReportService;
import ru.rusoragentai.console.analytics.MoneyReportService.RevenueSplit;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.RevenueFigures;
import ru.rusoragentai.console.analytics.UsageReportService;
import ru.rusoragentai.console.kit.EChart;
import ru.rusoragentai.console.analytics.downloads.SavedReport;
import ru.rusoragentai.console.analytics.downloads.SavedReportService;
import ru.rusoragentai.console.security.Role;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revenue for analysts: purchases (first and repeat), refunds, chargebacks and net revenue per currency and period,
 * split by payment channel or token pack and narrowed to one, with tokens sold; a chart of net revenue per currency.
 */
@Menu(title = "nav.revenue", order = 8.1, icon = "vaadin:money")
@Route("reports/revenue")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class RevenueReportView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private final MoneyReportService reports;
    private final ReportControls controls;
    private final SavedReportService saved;
    private final Select<RevenueSplit> split;
    private final ComboBox<String> channel;
    private final ComboBox<String> product;
    private final EChart chart = new EChart();
    private final ReportGrid grid;
    private boolean offering;

    public RevenueReportView(MoneyReportService reports, UsageReportService usage, SavedReportService saved) {
        this.reports = reports;
        this.saved = saved;
        setWidthFull();
        controls = new ReportControls(this, "revenue", usage.today());
        split = ReportControls.split(this, RevenueSplit.values(), RevenueSplit.NONE, "revenue.split.", "revenue-split");
        channel = ReportControls.filter(this, "revenue.split.channel", "revenue-channel");
        product = ReportControls.filter(this, "revenue.split.product", "revenue-product");
        FlexLayout filters = ReportControls.filterBar(controls.from, controls.until, controls.grouping, split, channel, product);
        grid = new ReportGrid(getLocale(), getTranslation("reports.total"));
        grid.setId("revenue-grid");
        chart.setId("revenue-chart");
        Paragraph note = new Paragraph(getTranslation("revenue.note"));
        note.addClassName("hint");
        add(new H2(getTranslation("revenue.heading")), filters, ReportControls.downloads(this, "revenue",
                () -> "revenue-" + controls.from.getValue() + "-" + controls.until.getValue(),
                (format, out) -> reports.exportRevenue(controls.from.getValue(), controls.until.getValue(), controls.grouping.getValue(),
                        split.getValue(), channel.getValue(), product.getValue(), format, this::getTranslation, out)), note, chart, grid);
        controls.addSave(this, controls.saveButton(this, saved, SavedReport.Kind.REVENUE, split::getValue,
                () -> ReportControls.filters("channel", channel, "product", product)));
        for (AbstractField<?, ?> field : List.of(controls.from, controls.until, controls.grouping, split, channel, product)) {
            field.addValueChangeListener(e -> {
                if (!offering) {
                    refresh();
                }
            });
        }
        refresh();
    }

    private void refresh() {
        if (!controls.ready()) {
            return;
        }
        MoneyReportService.RevenueReport report;
        try {
            report = reports.revenue(controls.from.getValue(), controls.until.getValue(), controls.grouping.getValue(),
                    split.getValue(), channel.getValue(), product.getValue());
        } catch (ReportException refused) {
            ReportControls.refused(this, refused);
            return;
        }
        offering = true;
        try {
            ReportControls.offer(channel, report.channels());
            ReportControls.offer(product, report.products());
        } finally {
            offering = false;
        }
        grid.show(MoneyReportService.revenueTable(report, split.getValue(), this::getTranslation));
        chart.setOption(option(report.rows()));
    }

    /** Net revenue per period, a line per currency. */
    static String option(List<RevenueFigures> rows) {
        Map<String, Map<LocalDate, Long>> byCurrency = new TreeMap<>();
        rows.forEach(r -> byCurrency.computeIfAbsent(r.currency(), c -> new TreeMap<>()).merge(r.period(), r.netMinor(), Long::sum));
        List<LocalDate> periods = rows.stream().map(RevenueFigures::period).distinct().sorted().toList();
        ObjectNode option = UsageChart.frame(byCurrency.keySet(), periods);
        ArrayNode series = option.putArray("series");
        byCurrency.forEach((currency, values) -> {
            ArrayNode data = series.addObject().put("name", currency).put("type", "line").putArray("data");
            periods.forEach(p -> data.add(values.getOrDefault(p, 0L) / 100.0));
        });
        return option.toString();
    }

    /** Opens a saved report ({@code ?saved=ID}): its rolling range up to today, grouping, split and filters. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        ReportControls.saved(event, saved, SavedReport.Kind.REVENUE).ifPresent(report -> {
            SavedReport.Params params = report.params();
            controls.apply(params);
            split.setValue(params.split() == null ? RevenueSplit.NONE : RevenueSplit.valueOf(params.split()));
            channel.setValue(params.filters().get("channel"));
            product.setValue(params.filters().get("product"));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("revenue.heading");
    }
}

package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ru.rusoragentai.console.analytics.MarginFigures;
import ru.rusoragentai.console.analytics.MarginReportService;
import ru.rusoragentai.console.analytics.MarginReportService.MarginSplit;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.UsageReportService;
import ru.rusoragentai.console.kit.EChart;
import ru.rusoragentai.console.analytics.downloads.SavedReport;
import ru.rusoragentai.console.analytics.downloads.SavedReportService;
import ru.rusoragentai.console.security.Role;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Margin for analysts: what users were charged (platform tokens at the configured price) against what the providers
 * cost, per period, provider or model; revenue and cost as bars and the margin in percent as a line.
 */
@Menu(title = "nav.margin", order = 8.15, icon = "vaadin:scale")
@Route("reports/margin")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class MarginReportView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private final MarginReportService reports;
    private final ReportControls controls;
    private final SavedReportService saved;
    private final Select<MarginSplit> split;
    private final ComboBox<String> provider;
    private final ComboBox<String> model;
    private final EChart chart = new EChart();
    private final ReportGrid grid;
    private boolean offering;

    public MarginReportView(MarginReportService reports, UsageReportService usage, SavedReportService saved) {
        this.reports = reports;
        this.saved = saved;
        setWidthFull();
        controls = new ReportControls(this, "margin", usage.today());
        split = ReportControls.split(this, MarginSplit.values(), MarginSplit.MODEL, "reports.breakdown.", "margin-split");
        provider = ReportControls.filter(this, "reports.breakdown.provider", "margin-provider");
        model = ReportControls.filter(this, "reports.breakdown.model", "margin-model");
        grid = new ReportGrid(getLocale(), getTranslation("reports.total"));
        grid.setId("margin-grid");
        chart.setId("margin-chart");
        Paragraph note = new Paragraph(getTranslation("margin.note"));
        note.addClassName("hint");
        add(new H2(getTranslation("margin.heading")),
                ReportControls.filterBar(controls.from, controls.until, controls.grouping, split, provider, model),
                ReportControls.downloads(this, "margin", () -> "margin-" + controls.from.getValue() + "-" + controls.until.getValue(),
                        (format, out) -> reports.export(controls.from.getValue(), controls.until.getValue(), controls.grouping.getValue(),
                                split.getValue(), provider.getValue(), model.getValue(), format, this::getTranslation, out)),
                note, chart, grid);
        controls.addSave(this, controls.saveButton(this, saved, SavedReport.Kind.MARGIN, split::getValue,
                () -> ReportControls.filters("provider", provider, "model", model)));
        for (AbstractField<?, ?> field : List.of(controls.from, controls.until, controls.grouping, split, provider, model)) {
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
        MarginReportService.MarginReport report;
        try {
            report = reports.margin(controls.from.getValue(), controls.until.getValue(), controls.grouping.getValue(),
                    split.getValue(), provider.getValue(), model.getValue());
        } catch (ReportException refused) {
            ReportControls.refused(this, refused);
            return;
        }
        offering = true;
        try {
            ReportControls.offer(provider, report.providers());
            ReportControls.offer(model, report.models());
        } finally {
            offering = false;
        }
        grid.show(MarginReportService.table(report, split.getValue(), this::getTranslation));
        chart.setOption(option(report.rows(), getTranslation("margin.revenue"), getTranslation("margin.cost"),
                getTranslation("margin.share")));
    }

    /** Revenue and cost per period as bars (USD), the margin in percent as a line on its own axis. */
    static String option(List<MarginFigures> rows, String revenue, String cost, String share) {
        Map<LocalDate, MarginFigures> periods = new TreeMap<>();
        rows.forEach(r -> periods.merge(r.period(), r, (a, b) -> a.plus(b)));
        ObjectNode option = UsageChart.frame(List.of(revenue, cost, share), List.copyOf(periods.keySet()));
        ((ObjectNode) option.get("grid")).put("right", 60);
        ArrayNode axes = option.putArray("yAxis");
        axes.addObject().put("type", "value").putObject("axisLabel").put("color", "#8a94a6");
        ObjectNode shareAxis = axes.addObject().put("type", "value");
        shareAxis.putObject("axisLabel").put("color", "#8a94a6").put("formatter", "{value} %");
        shareAxis.putObject("splitLine").put("show", false);
        ArrayNode series = option.putArray("series");
        ArrayNode revenues = series.addObject().put("name", revenue).put("type", "bar").putArray("data");
        ArrayNode costs = series.addObject().put("name", cost).put("type", "bar").putArray("data");
        ArrayNode shares = series.addObject().put("name", share).put("type", "line").put("yAxisIndex", 1).putArray("data");
        for (MarginFigures period : periods.values()) {
            revenues.add(period.revenue().setScale(2, RoundingMode.HALF_UP).doubleValue());
            costs.add(period.cost().setScale(2, RoundingMode.HALF_UP).doubleValue());
            Double margin = period.marginShare();
            if (margin == null) {
                shares.addNull();
            } else {
                shares.add(BigDecimal.valueOf(margin * 100).setScale(1, RoundingMode.HALF_UP).doubleValue());
            }
        }
        return option.toString();
    }

    /** Opens a saved report ({@code ?saved=ID}): its rolling range up to today, grouping, split and filters. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        ReportControls.saved(event, saved, SavedReport.Kind.MARGIN).ifPresent(report -> {
            SavedReport.Params params = report.params();
            controls.apply(params);
            split.setValue(params.split() == null ? MarginSplit.NONE : MarginSplit.valueOf(params.split()));
            provider.setValue(params.filters().get("provider"));
            model.setValue(params.filters().get("model"));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("margin.heading");
    }
}

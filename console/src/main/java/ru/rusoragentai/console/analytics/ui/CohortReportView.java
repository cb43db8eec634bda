package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import ru.rusoragentai.console.analytics.CohortReport;
import ru.rusoragentai.console.analytics.CohortReportService;
import ru.rusoragentai.console.analytics.CohortReportService.CohortTable;
import ru.rusoragentai.console.analytics.Grouping;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.UsageReportService;
import ru.rusoragentai.console.kit.EChart;
import ru.rusoragentai.console.analytics.downloads.SavedReport;
import ru.rusoragentai.console.analytics.downloads.SavedReportService;
import ru.rusoragentai.console.security.Role;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cohorts for analysts: users by sign-up week or month, the share of each still active in the periods after (a heat
 * map), what each paid per period, and ARPU and ARPPU per period.
 */
@Menu(title = "nav.cohorts", order = 8.16, icon = "vaadin:grid-small")
@Route("reports/cohorts")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class CohortReportView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CohortReportService reports;
    private final ReportControls controls;
    private final SavedReportService saved;
    private final Select<CohortTable> table = new Select<>();
    private final EChart chart = new EChart();
    private final ReportGrid grid;

    public CohortReportView(CohortReportService reports, UsageReportService usage, SavedReportService saved) {
        this.reports = reports;
        this.saved = saved;
        setWidthFull();
        controls = new ReportControls(this, "cohorts", usage.today());
        controls.from.setValue(usage.today().minusMonths(6).withDayOfMonth(1));
        controls.grouping.setItems(Grouping.WEEK, Grouping.MONTH);
        controls.grouping.setValue(Grouping.MONTH);
        table.setLabel(getTranslation("cohorts.show"));
        table.setItems(CohortTable.values());
        table.setItemLabelGenerator(t -> getTranslation("cohorts.show." + ReportControls.lower(t)));
        table.setValue(CohortTable.RETENTION);
        table.setId("cohorts-table");
        grid = new ReportGrid(getLocale(), getTranslation("reports.total"));
        grid.setId("cohorts-grid");
        chart.setId("cohorts-chart");
        Paragraph note = new Paragraph(getTranslation("cohorts.note"));
        note.addClassName("hint");
        add(new H2(getTranslation("cohorts.heading")), ReportControls.filterBar(controls.from, controls.until, controls.grouping, table),
                ReportControls.downloads(this, "cohorts", () -> "cohorts-" + ReportControls.lower(table.getValue()) + "-"
                                + controls.from.getValue() + "-" + controls.until.getValue(),
                        (format, out) -> reports.export(controls.from.getValue(), controls.until.getValue(), controls.grouping.getValue(),
                                table.getValue(), format, this::getTranslation, out)),
                note, chart, grid);
        controls.addSave(this, controls.saveButton(this, saved, SavedReport.Kind.COHORTS, table::getValue, java.util.Map::of));
        for (AbstractField<?, ?> field : List.of(controls.from, controls.until, controls.grouping, table)) {
            field.addValueChangeListener(e -> refresh());
        }
        refresh();
    }

    private void refresh() {
        if (!controls.ready() || controls.grouping.getValue() == null) {
            return;
        }
        CohortReport report;
        try {
            report = reports.cohorts(controls.from.getValue(), controls.until.getValue(), controls.grouping.getValue());
        } catch (ReportException refused) {
            ReportControls.refused(this, refused);
            return;
        }
        grid.show(CohortReportService.table(report, table.getValue(), this::getTranslation));
        chart.setOption(table.getValue() == CohortTable.ARPU
                ? arpuOption(report, getTranslation("cohorts.arpu"), getTranslation("cohorts.arppu"))
                : retentionOption(report, getTranslation("cohorts.offset." + ReportControls.lower(report.grouping()))));
    }

    /** A heat map: a row per cohort, a column per period after sign-up, coloured by the share still active. */
    static String retentionOption(CohortReport report, String offsetWord) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("position", "top");
        option.putObject("grid").put("left", 100).put("right", 20).put("bottom", 70).put("top", 10);
        ArrayNode offsets = option.putObject("xAxis").put("type", "category").putArray("data");
        for (int offset = 0; offset < report.periods().size(); offset++) {
            offsets.add(offsetWord + " " + offset);
        }
        ObjectNode yAxis = option.putObject("yAxis").put("type", "category").put("inverse", true);
        yAxis.putObject("axisLabel").put("color", "#8a94a6");
        ArrayNode cohorts = yAxis.putArray("data");
        report.cohorts().forEach(c -> cohorts.add(c.period().toString()));
        option.putObject("visualMap").put("min", 0).put("max", 100).put("calculable", true).put("orient", "horizontal")
                .put("left", "center").put("bottom", 0).putObject("textStyle").put("color", "#8a94a6");
        ObjectNode heat = option.putArray("series").addObject().put("type", "heatmap").put("name", "%");
        heat.putObject("label").put("show", true);
        ArrayNode data = heat.putArray("data");
        for (int row = 0; row < report.cohorts().size(); row++) {
            CohortReport.Cohort cohort = report.cohorts().get(row);
            for (int offset = 0; offset < cohort.active().size(); offset++) {
                Double share = cohort.activeShare(offset);
                if (share != null) {
                    data.addArray().add(offset).add(row).add(Math.round(share * 1000) / 10.0);
                }
            }
        }
        return option.toString();
    }

    /** ARPU and ARPPU per period, a pair of lines per currency. */
    static String arpuOption(CohortReport report, String arpu, String arppu) {
        List<String> currencies = report.periodTotals().stream().map(CohortReport.PeriodFigures::currency)
                .filter(java.util.Objects::nonNull).toList();
        List<String> names = currencies.stream().flatMap(c -> java.util.stream.Stream.of(arpu + " " + c, arppu + " " + c)).toList();
        ObjectNode option = UsageChart.frame(names, report.periods());
        ArrayNode series = option.putArray("series");
        for (String currency : currencies) {
            ArrayNode perUser = series.addObject().put("name", arpu + " " + currency).put("type", "line").putArray("data");
            ArrayNode perPayer = series.addObject().put("name", arppu + " " + currency).put("type", "line").putArray("data");
            for (LocalDate period : report.periods()) {
                CohortReport.PeriodFigures figures = report.periodRows().stream()
                        .filter(f -> period.equals(f.period()) && currency.equals(f.currency())).findFirst().orElse(null);
                add(perUser, figures == null ? null : figures.arpu());
                add(perPayer, figures == null ? null : figures.arppu());
            }
        }
        return option.toString();
    }

    private static void add(ArrayNode data, @org.jspecify.annotations.Nullable BigDecimal value) {
        if (value == null) {
            data.addNull();
        } else {
            data.add(value.doubleValue());
        }
    }

    /** Opens a saved report ({@code ?saved=ID}): its rolling range up to today, grouping, split and filters. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        ReportControls.saved(event, saved, SavedReport.Kind.COHORTS).ifPresent(report -> {
            SavedReport.Params params = report.params();
            controls.apply(params);
            table.setValue(params.split() == null ? CohortTable.RETENTION : CohortTable.valueOf(params.split()));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cohorts.heading");
    }
}

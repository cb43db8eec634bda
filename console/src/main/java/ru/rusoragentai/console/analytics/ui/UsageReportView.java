package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.function.ToLongFunction;
import ru.rusoragentai.console.analytics.Breakdown;
import ru.rusoragentai.console.analytics.Grouping;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.UsageFigures;
import ru.rusoragentai.console.analytics.UsageQuery;
import ru.rusoragentai.console.analytics.UsageReport;
import ru.rusoragentai.console.analytics.UsageReportService;
import ru.rusoragentai.console.analytics.downloads.DownloadService;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.kit.EChart;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.kit.Toasts;
import ru.rusoragentai.console.analytics.downloads.SavedReport;
import ru.rusoragentai.console.analytics.downloads.SavedReportService;
import ru.rusoragentai.console.security.Role;

/**
 * The usage report for analysts: a range grouped by day, week or month, split by provider, model, feature or country
 * and narrowed by any of them; a chart of the chosen measure; a sortable table with a totals row; XLSX and CSV exports
 * with exactly these filters.
 */
@Menu(title = "nav.reports", order = 8, icon = "vaadin:chart")
@Route("reports")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class UsageReportView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private final UsageReportService reports;
    private final ReportControls controls;
    private final SavedReportService saved;
    private final DatePicker from;
    private final DatePicker until;
    private final Select<Grouping> grouping;
    private final Select<Breakdown> breakdown = new Select<>();
    private final ComboBox<String> provider = new ComboBox<>();
    private final ComboBox<String> model = new ComboBox<>();
    private final ComboBox<String> feature = new ComboBox<>();
    private final ComboBox<String> country = new ComboBox<>();
    private final Select<UsageChart.Measure> measure = new Select<>();
    private final EChart chart = new EChart();
    private final Grid<UsageFigures> grid = new Grid<>();
    private final FooterRow totals;
    private final Grid.Column<UsageFigures> keyColumn;
    private UsageReport shown;
    /** Set while the filters' choices are replaced, which must not run the report again. */
    private boolean offering;
    private volatile UsageQuery shownQuery;

    public UsageReportView(UsageReportService reports, DownloadService downloads, SavedReportService saved) {
        this.reports = reports;
        this.saved = saved;
        setWidthFull();
        controls = new ReportControls(this, "report", reports.today());
        from = controls.from;
        until = controls.until;
        grouping = controls.grouping;
        breakdown.setLabel(getTranslation("reports.breakdown"));
        breakdown.setItems(Breakdown.values());
        breakdown.setItemLabelGenerator(b -> getTranslation("reports.breakdown." + lower(b)));
        breakdown.setValue(Breakdown.NONE);
        breakdown.setId("report-breakdown");
        for (ComboBox<String> filter : List.of(provider, model, feature, country)) {
            filter.setClearButtonVisible(true);
            filter.setPlaceholder(getTranslation("reports.all"));
            filter.setWidth("11em");
        }
        provider.setLabel(getTranslation("models.provider"));
        provider.setId("report-provider");
        model.setLabel(getTranslation("models.model"));
        model.setId("report-model");
        feature.setLabel(getTranslation("reports.breakdown.feature"));
        feature.setId("report-feature");
        country.setLabel(getTranslation("reports.breakdown.country"));
        country.setId("report-country");
        measure.setLabel(getTranslation("reports.chart"));
        measure.setItems(UsageChart.Measure.values());
        measure.setItemLabelGenerator(m -> getTranslation("reports.measure." + lower(m)));
        measure.setValue(UsageChart.Measure.REQUESTS);
        measure.setId("report-measure");
        FlexLayout filters = ReportControls.filterBar(from, until, grouping, breakdown, provider, model, feature, country);
        // a download runs in its own request: it exports the query shown, not what the fields hold meanwhile
        Button events = new Button(getTranslation("downloads.events-button"), VaadinIcon.TABLE.create(),
                e -> new EventExportDialog(downloads, shownQuery, shown == null ? 0 : shown.totals().requests()).open());
        events.setId("report-export-events");
        HorizontalLayout actions = new HorizontalLayout(measure, ReportControls.downloads(this, "report",
                () -> "usage-" + shownQuery.from() + "-" + shownQuery.until(),
                (format, out) -> reports.export(shownQuery, format, this::getTranslation, out)), events,
                controls.saveButton(this, saved, SavedReport.Kind.USAGE, breakdown::getValue,
                        () -> ReportControls.filters("provider", provider, "model", model, "feature", feature, "country", country)));
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph note = new Paragraph(getTranslation("reports.note"));
        note.addClassName("hint");
        chart.setId("report-chart");
        grid.setId("report-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        Grid.Column<UsageFigures> period = grid.addColumn(UsageFigures::period).setHeader(getTranslation("reports.period"))
                .setAutoWidth(true).setSortable(true).setComparator(UsageFigures::period);
        keyColumn = grid.addColumn(UsageFigures::key).setAutoWidth(true).setSortable(true)
                .setComparator(f -> f.key() == null ? "" : f.key());
        totals = grid.appendFooterRow();
        totals.getCell(period).setText(getTranslation("reports.total"));
        number("reports.requests", UsageFigures::requests);
        number("reports.users", UsageFigures::users);
        number("reports.tokens-in", UsageFigures::inputTokens);
        number("reports.tokens-out", UsageFigures::outputTokens);
        number("reports.charged", UsageFigures::tokensCharged);
        Grid.Column<UsageFigures> errors = grid.addColumn(f -> percent(f.errorRate()))
                .setHeader(ReportGrid.numericHeader(getTranslation("reports.error-rate")))
                .setWidth(ReportGrid.width(getTranslation("reports.error-rate"))).setSortable(true).setComparator(UsageFigures::errorRate).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        errors.setKey("errorRate");
        number("reports.p50", f -> f.p50Millis());
        number("reports.p95", f -> f.p95Millis());
        grid.setEmptyStateText(getTranslation("reports.empty"));
        grid.setWidthFull();
        grid.setHeight("560px");
        add(new H2(getTranslation("reports.heading")), filters, actions, note, chart, grid);
        for (AbstractField<?, ?> field : List.of(from, until, grouping, breakdown, provider, model, feature, country)) {
            field.addValueChangeListener(e -> {
                if (!offering) {
                    refresh();
                }
            });
        }
        measure.addValueChangeListener(e -> drawChart());
        refresh();
    }

    private void number(String header, ToLongFunction<UsageFigures> value) {
        Grid.Column<UsageFigures> column = grid.addColumn(f -> Numbers.whole(this, value.applyAsLong(f)))
                .setHeader(ReportGrid.numericHeader(getTranslation(header))).setWidth(ReportGrid.width(getTranslation(header))).setSortable(true)
                .setComparator(f -> value.applyAsLong(f)).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        column.setKey(header);
    }

    private void refresh() {
        if (from.getValue() == null || until.getValue() == null) {
            return;
        }
        UsageQuery query = UsageQuery.of(from.getValue(), until.getValue()).grouped(grouping.getValue(), breakdown.getValue())
                .filtered(provider.getValue(), model.getValue(), feature.getValue(), country.getValue());
        try {
            shown = reports.report(query);
        } catch (ReportException refused) {
            Toasts.show(Texts.of(this, refused), com.vaadin.flow.component.notification.NotificationVariant.LUMO_ERROR, 6_000,
                    com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
            return;
        }
        shownQuery = query;
        UsageReport.Choices choices = shown.choices();
        offering = true;
        try {
            ReportControls.offer(provider, choices.providers());
            ReportControls.offer(model, choices.models());
            ReportControls.offer(feature, choices.features());
            ReportControls.offer(country, choices.countries());
        } finally {
            offering = false;
        }
        keyColumn.setHeader(getTranslation("reports.breakdown." + lower(query.breakdown())));
        keyColumn.setVisible(query.breakdown() != Breakdown.NONE);
        grid.setItems(shown.rows());
        UsageFigures total = shown.totals();
        footer("reports.requests", total.requests());
        footer("reports.users", total.users());
        footer("reports.tokens-in", total.inputTokens());
        footer("reports.tokens-out", total.outputTokens());
        footer("reports.charged", total.tokensCharged());
        footer("reports.p50", total.p50Millis());
        footer("reports.p95", total.p95Millis());
        totals.getCell(grid.getColumnByKey("errorRate")).setText(percent(total.errorRate()));
        drawChart();
    }

    private void footer(String key, long value) {
        totals.getCell(grid.getColumnByKey(key)).setText(Numbers.whole(this, value));
    }

    private void drawChart() {
        if (shown != null) {
            chart.setOption(UsageChart.option(shown.rows(), measure.getValue(), getTranslation("reports.all"),
                    getTranslation("reports.other")));
        }
    }

    private String percent(double share) {
        java.text.NumberFormat format = java.text.NumberFormat.getPercentInstance(getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    private static String lower(Enum<?> value) {
        return ReportControls.lower(value);
    }

    /** Opens a saved report ({@code ?saved=ID}): its rolling range up to today, grouping, split and filters. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        ReportControls.saved(event, saved, SavedReport.Kind.USAGE).ifPresent(report -> {
            SavedReport.Params params = report.params();
            controls.apply(params);
            breakdown.setValue(params.split() == null ? Breakdown.NONE : Breakdown.valueOf(params.split()));
            provider.setValue(params.filters().get("provider"));
            model.setValue(params.filters().get("model"));
            feature.setValue(params.filters().get("feature"));
            country.setValue(params.filters().get("country"));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reports.heading");
    }
}

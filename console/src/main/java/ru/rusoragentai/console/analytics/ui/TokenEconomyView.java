package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.function.ToLongFunction;
import ru.rusoragentai.console.analytics.MoneyReportService;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.TokenFigures;
import ru.rusoragentai.console.analytics.UsageReportService;
import ru.rusoragentai.console.kit.EChart;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.analytics.downloads.SavedReport;
import ru.rusoragentai.console.analytics.downloads.SavedReportService;
import ru.rusoragentai.console.security.Role;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The token economy for analysts: tokens issued (bought, bonuses, staff credits) against consumed, expired and taken
 * back per period, and the tokens users hold unspent, which is the platform's liability.
 */
@Menu(title = "nav.tokens-economy", order = 8.2, icon = "vaadin:coin-piles")
@Route("reports/tokens")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class TokenEconomyView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private final MoneyReportService reports;
    private final ReportControls controls;
    private final SavedReportService saved;
    private final EChart chart = new EChart();
    private final ReportGrid grid;
    private final Span liability = new Span();

    public TokenEconomyView(MoneyReportService reports, UsageReportService usage, SavedReportService saved) {
        this.reports = reports;
        this.saved = saved;
        setWidthFull();
        controls = new ReportControls(this, "tokens", usage.today());
        HorizontalLayout filters = new HorizontalLayout(controls.from, controls.until, controls.grouping);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid = new ReportGrid(getLocale(), getTranslation("reports.total"));
        grid.setId("tokens-grid");
        chart.setId("tokens-chart");
        liability.setId("tokens-liability");
        liability.addClassName("kpi");
        Paragraph note = new Paragraph(getTranslation("tokens.note"));
        note.addClassName("hint");
        add(new H2(getTranslation("tokens.heading")), filters, ReportControls.downloads(this, "tokens",
                () -> "tokens-" + controls.from.getValue() + "-" + controls.until.getValue(),
                (format, out) -> reports.exportTokens(controls.from.getValue(), controls.until.getValue(), controls.grouping.getValue(),
                        format, this::getTranslation, out)), liability, note, chart, grid);
        controls.addSave(this, controls.saveButton(this, saved, SavedReport.Kind.TOKENS, () -> null, java.util.Map::of));
        for (AbstractField<?, ?> field : List.of(controls.from, controls.until, controls.grouping)) {
            field.addValueChangeListener(e -> refresh());
        }
        refresh();
    }

    private void refresh() {
        if (!controls.ready()) {
            return;
        }
        MoneyReportService.TokenReport report;
        try {
            report = reports.tokens(controls.from.getValue(), controls.until.getValue(), controls.grouping.getValue());
        } catch (ReportException refused) {
            ReportControls.refused(this, refused);
            return;
        }
        liability.setText(getTranslation("tokens.liability", Numbers.whole(this, report.totals().outstandingAtEnd()),
                controls.until.getValue()));
        grid.show(MoneyReportService.tokenTable(report, this::getTranslation));
        chart.setOption(option(report.rows(), getTranslation("tokens.issued"), getTranslation("tokens.consumed"),
                getTranslation("tokens.outstanding")));
    }

    /** Issued and consumed as bars per period, the outstanding balance as a line on its own axis. */
    static String option(List<TokenFigures> rows, String issued, String consumed, String outstanding) {
        List<LocalDate> periods = rows.stream().map(TokenFigures::period).toList();
        ObjectNode option = UsageChart.frame(List.of(issued, consumed, outstanding), periods);
        ((ObjectNode) option.get("grid")).put("right", 80);
        option.putArray("yAxis").addObject().put("type", "value").putObject("axisLabel").put("color", "#8a94a6");
        ObjectNode outstandingAxis = ((ArrayNode) option.get("yAxis")).addObject().put("type", "value");
        outstandingAxis.putObject("axisLabel").put("color", "#8a94a6");
        outstandingAxis.putObject("splitLine").put("show", false);
        ArrayNode series = option.putArray("series");
        add(series, issued, "bar", 0, rows, TokenFigures::issued);
        add(series, consumed, "bar", 0, rows, TokenFigures::consumed);
        add(series, outstanding, "line", 1, rows, TokenFigures::outstandingAtEnd);
        return option.toString();
    }

    private static void add(ArrayNode series, String name, String type, int axis, List<TokenFigures> rows, ToLongFunction<TokenFigures> value) {
        ArrayNode data = series.addObject().put("name", name).put("type", type).put("yAxisIndex", axis).putArray("data");
        rows.forEach(r -> data.add(value.applyAsLong(r)));
    }

    /** Opens a saved report ({@code ?saved=ID}): its rolling range up to today, grouping, split and filters. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        ReportControls.saved(event, saved, SavedReport.Kind.TOKENS).ifPresent(report -> {
            controls.apply(report.params());
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tokens.heading");
    }
}

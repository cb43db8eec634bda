package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.text.NumberFormat;
import java.time.LocalDate;
import ru.rusoragentai.console.analytics.UsageReportRow;
import ru.rusoragentai.console.analytics.UsageReportService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.IsoDates;

/** Usage per day and model for analysts, without restricted or objecting users, with an XLSX export. */
@Menu(title = "nav.reports", order = 8, icon = "vaadin:chart")
@Route("reports")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class UsageReportView extends VerticalLayout implements HasDynamicTitle {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final UsageReportService reports;
    private final DatePicker from = IsoDates.apply(new DatePicker());
    private final DatePicker until = IsoDates.apply(new DatePicker());
    private final Grid<UsageReportRow> grid = new Grid<>();
    // the download runs in its own request: it reads the range shown, not the fields
    private volatile LocalDate shownFrom;
    private volatile LocalDate shownUntil;

    public UsageReportView(UsageReportService reports) {
        this.reports = reports;
        setSizeFull();
        LocalDate today = reports.today();
        from.setLabel(getTranslation("recon.from"));
        from.setId("report-from");
        from.setValue(today.minusDays(30));
        until.setLabel(getTranslation("recon.until"));
        until.setId("report-until");
        until.setValue(today);
        from.addValueChangeListener(e -> refresh());
        until.addValueChangeListener(e -> refresh());
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            LocalDate first = shownFrom;
            LocalDate end = shownUntil;
            byte[] xlsx = reports.exportXlsx(first, end);
            return new com.vaadin.flow.server.streams.DownloadResponse(new ByteArrayInputStream(xlsx),
                    "usage-" + first + "-" + end + ".xlsx", XLSX, xlsx.length);
        }), "");
        download.getElement().setAttribute("download", true);
        download.setId("report-download");
        download.add(new Button(getTranslation("reports.export"), VaadinIcon.DOWNLOAD.create()));
        HorizontalLayout filters = new HorizontalLayout(from, until, download);
        filters.setAlignItems(Alignment.BASELINE);
        Paragraph note = new Paragraph(getTranslation("reports.note"));
        note.addClassName("hint");
        grid.setId("report-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(UsageReportRow::day).setHeader(getTranslation("recon.day")).setAutoWidth(true).setSortable(true);
        grid.addColumn(UsageReportRow::provider).setHeader(getTranslation("models.provider")).setAutoWidth(true).setSortable(true);
        grid.addColumn(UsageReportRow::model).setHeader(getTranslation("models.model")).setAutoWidth(true).setSortable(true);
        grid.addColumn(r -> number(r.users())).setHeader(getTranslation("reports.users")).setAutoWidth(true);
        grid.addColumn(r -> number(r.events())).setHeader(getTranslation("reports.events")).setAutoWidth(true);
        grid.addColumn(r -> number(r.inputTokens()) + " / " + number(r.outputTokens())).setHeader(getTranslation("reports.tokens")).setAutoWidth(true);
        grid.addColumn(r -> number(r.tokensCharged())).setHeader(getTranslation("reports.charged")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("reports.empty"));
        grid.setSizeFull();
        add(new H2(getTranslation("reports.heading")), filters, note, grid);
        refresh();
    }

    private void refresh() {
        try {
            grid.setItems(reports.report(from.getValue(), until.getValue()));
            shownFrom = from.getValue();
            shownUntil = until.getValue();
        } catch (IllegalArgumentException invalid) {
            Notification.show(invalid.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(getLocale()).format(value);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reports.heading");
    }
}

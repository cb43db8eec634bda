package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.downloads.Download;
import ru.rusoragentai.console.analytics.downloads.DownloadService;
import ru.rusoragentai.console.kit.Badge;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.kit.Toasts;
import ru.rusoragentai.console.security.Role;

/**
 * The analyst's Downloads: background exports with their progress, a cancel button while they run, the file while it
 * has not expired, and a notice when one becomes ready while the screen is open (it polls every two seconds while a job
 * is unfinished).
 */
@Menu(title = "nav.downloads", order = 8.4, icon = "vaadin:download")
@Route("reports/downloads")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class DownloadsView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 2_000;

    private final DownloadService downloads;
    private final Grid<Download> grid = new Grid<>();
    private final Map<Long, Download.Status> lastSeen = new HashMap<>();
    private com.vaadin.flow.shared.@org.jspecify.annotations.Nullable Registration polling;

    public DownloadsView(DownloadService downloads) {
        this.downloads = downloads;
        setWidthFull();
        grid.setId("downloads-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Download::title).setHeader(getTranslation("downloads.title")).setFlexGrow(3).setWidth("16em");
        grid.addColumn(d -> d.createdAt().toString().replace('T', ' ').substring(0, 16)).setHeader(getTranslation("downloads.requested"))
                .setAutoWidth(true).setSortable(true).setComparator(Download::createdAt);
        grid.addComponentColumn(this::status).setKey("status").setHeader(getTranslation("downloads.status")).setAutoWidth(true);
        grid.addComponentColumn(this::progress).setHeader(getTranslation("downloads.progress")).setWidth("12em").setFlexGrow(0);
        grid.addColumn(d -> d.sizeBytes() == null ? "" : megabytes(d.sizeBytes())).setHeader(getTranslation("downloads.size"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(d -> d.expiresAt() == null ? "" : d.expiresAt().toLocalDate().toString()).setHeader(getTranslation("downloads.expires"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("downloads.empty"));
        grid.setHeight("560px");
        Paragraph note = new Paragraph(getTranslation("downloads.note"));
        note.addClassName("hint");
        Button refresh = new Button(getTranslation("downloads.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("downloads-refresh");
        add(new H2(getTranslation("downloads.heading")), note, refresh, grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    /** Shows the list again, says which exports became ready since, and polls only while one is unfinished. */
    void refresh() {
        List<Download> mine = downloads.mine();
        for (Download download : mine) {
            Download.Status before = lastSeen.put(download.id(), download.status());
            if (before != null && before != Download.Status.DONE && download.status() == Download.Status.DONE) {
                Toasts.show(getTranslation("downloads.ready", download.title()), NotificationVariant.LUMO_SUCCESS, 8_000,
                        Notification.Position.BOTTOM_START);
            }
        }
        grid.setItems(mine);
        boolean unfinished = mine.stream().anyMatch(d -> !d.status().finished());
        getUI().ifPresent(ui -> ui.setPollInterval(unfinished ? POLL_MILLIS : -1));
    }

    private Component status(Download download) {
        String theme = switch (download.status()) {
            case DONE -> "success";
            case FAILED -> "error";
            case CANCELLED -> "contrast";
            default -> "";
        };
        Span badge = Badge.of(getTranslation("downloads.status." + ReportControls.lower(download.status())), theme);
        if (download.error() != null) {
            badge.getElement().setAttribute("title", download.error());
        }
        return badge;
    }

    private Component progress(Download download) {
        ProgressBar bar = new ProgressBar(0, 1, download.progress());
        bar.setIndeterminate(download.status() == Download.Status.QUEUED);
        Span rows = new Span(Numbers.whole(this, download.rowsDone()) + " / " + Numbers.whole(this, download.rowsExpected()));
        rows.addClassName("hint");
        VerticalLayout cell = new VerticalLayout(bar, rows);
        cell.setPadding(false);
        cell.setSpacing(false);
        return cell;
    }

    private Component actions(Download download) {
        HorizontalLayout actions = new HorizontalLayout();
        if (download.available()) {
            Anchor file = new Anchor(DownloadHandler.fromInputStream(event -> {
                DownloadService.FileDownload opened = downloads.open(download.id());
                return new DownloadResponse(opened.content(), opened.fileName(), "application/octet-stream", opened.size());
            }), "");
            file.getElement().setAttribute("download", true);
            file.setId("download-file-" + download.id());
            file.add(new Button(getTranslation("downloads.download"), VaadinIcon.DOWNLOAD.create()));
            actions.add(file);
        } else if (download.status() == Download.Status.DONE) {
            actions.add(new Span(getTranslation("downloads.expired")));
        }
        if (!download.status().finished()) {
            Button cancel = new Button(getTranslation("downloads.cancel"), e -> {
                try {
                    downloads.cancel(download.id());
                } catch (ReportException refused) {
                    ReportControls.refused(this, refused);
                }
                refresh();
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            cancel.setId("download-cancel-" + download.id());
            actions.add(cancel);
        }
        return actions;
    }

    private String megabytes(long bytes) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(bytes / 1_048_576.0) + " MB";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("downloads.heading");
    }
}

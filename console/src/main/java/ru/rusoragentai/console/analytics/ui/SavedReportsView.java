package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.downloads.SavedReport;
import ru.rusoragentai.console.analytics.downloads.SavedReportService;
import ru.rusoragentai.console.kit.Toasts;
import ru.rusoragentai.console.security.Role;

/**
 * Saved reports: the analyst's own and those others share. Any of them opens on its screen or is built into Downloads
 * now; the owner shares it, schedules it daily or weekly, or deletes it (after confirming).
 */
@Menu(title = "nav.saved-reports", order = 8.35, icon = "vaadin:bookmark")
@Route("reports/saved")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class SavedReportsView extends VerticalLayout implements HasDynamicTitle {

    private final SavedReportService saved;
    private final Grid<SavedReport> grid = new Grid<>();

    public SavedReportsView(SavedReportService saved) {
        this.saved = saved;
        setWidthFull();
        grid.setId("saved-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(SavedReport::name).setHeader(getTranslation("saved.name")).setFlexGrow(3).setWidth("12em").setSortable(true)
                .setComparator(r -> r.name().toLowerCase(getLocale()));
        grid.addColumn(r -> getTranslation("saved.kind." + ReportControls.lower(r.kind()))).setHeader(getTranslation("saved.report"))
                .setWidth("8em").setSortable(true);
        grid.addColumn(r -> r.mine() ? getTranslation("saved.owner.me") : r.owner()).setHeader(getTranslation("saved.owner"))
                .setWidth("7em").setSortable(true);
        grid.addColumn(r -> r.params().days()).setHeader(getTranslation("saved.range-header")).setWidth("6em")
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(r -> getTranslation("saved.schedule." + r.schedule().code()) + (r.lastBuilt() == null ? ""
                        : " (" + getTranslation("saved.last-built", r.lastBuilt()) + ")"))
                .setHeader(getTranslation("saved.schedule")).setWidth("10em").setSortable(true);
        grid.addColumn(r -> getTranslation(r.shared() ? "saved.shared.yes" : "saved.shared.no")).setHeader(getTranslation("saved.sharing"))
                .setWidth("6em");
        grid.addComponentColumn(this::actions).setKey("actions").setWidth("24em").setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("saved.empty"));
        grid.setHeight("560px");
        Paragraph note = new Paragraph(getTranslation("saved.note"));
        note.addClassName("hint");
        add(new H2(getTranslation("saved.heading")), note, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(saved.visible());
    }

    private Component actions(SavedReport report) {
        RouterLink open = new RouterLink(getTranslation("saved.open"), screen(report.kind()));
        open.setQueryParameters(QueryParameters.of("saved", Long.toString(report.id())));
        open.setId("saved-open-" + report.id());
        Button build = new Button(getTranslation("saved.build-now"), VaadinIcon.DOWNLOAD.create(), e -> {
            try {
                saved.buildNow(report.id());
                Toasts.show(getTranslation("downloads.queued") + " " + getTranslation("nav.downloads"), NotificationVariant.LUMO_SUCCESS,
                        5_000, Notification.Position.BOTTOM_START);
            } catch (ReportException refused) {
                ReportControls.refused(this, refused);
            }
        });
        build.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        build.setId("saved-build-" + report.id());
        HorizontalLayout actions = new HorizontalLayout(open, build);
        actions.setAlignItems(Alignment.BASELINE);
        actions.setWrap(true);
        if (report.mine()) {
            Button edit = new Button(getTranslation("saved.edit"), e -> edit(report));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.setId("saved-edit-" + report.id());
            Button delete = new Button(getTranslation("saved.delete"), e -> confirmDelete(report));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setId("saved-delete-" + report.id());
            actions.add(edit, delete);
        }
        return actions;
    }

    private void edit(SavedReport report) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(report.name());
        Checkbox shared = new Checkbox(getTranslation("saved.shared"), report.shared());
        shared.setId("saved-edit-shared");
        Select<SavedReport.Schedule> schedule = SaveReportDialog.scheduleField(this);
        schedule.setValue(report.schedule());
        schedule.setId("saved-edit-schedule");
        dialog.add(new VerticalLayout(shared, schedule));
        Button save = new Button(getTranslation("saved.save"), e -> {
            try {
                saved.update(report.id(), shared.getValue(), schedule.getValue());
            } catch (ReportException refused) {
                ReportControls.refused(this, refused);
                return;
            }
            dialog.close();
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("saved-edit-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(SavedReport report) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("saved.delete-heading"), getTranslation("saved.delete-text", report.name()),
                getTranslation("saved.delete"), e -> {
                    try {
                        saved.delete(report.id());
                    } catch (ReportException refused) {
                        ReportControls.refused(this, refused);
                    }
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setId("saved-delete-confirm");
        confirm.open();
    }

    private static Class<? extends Component> screen(SavedReport.Kind kind) {
        return switch (kind) {
            case USAGE -> UsageReportView.class;
            case REVENUE -> RevenueReportView.class;
            case MARGIN -> MarginReportView.class;
            case COHORTS -> CohortReportView.class;
            case TOKENS -> TokenEconomyView.class;
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("saved.heading");
    }
}

package ru.rusoragentai.console.plugins.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.util.List;
import ru.rusoragentai.console.plugins.PendingSettingsChange;
import ru.rusoragentai.console.plugins.PluginException;
import ru.rusoragentai.console.plugins.SettingsApprovalService;

/** Payment-channel settings changes waiting for a second administrator, with Approve and Reject for administrators. */
class PendingSettingsPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SettingsApprovalService approvals;
    private final Runnable onDecided;
    private final Grid<PendingSettingsChange> grid = new Grid<>();

    PendingSettingsPanel(SettingsApprovalService approvals, Runnable onDecided) {
        this.approvals = approvals;
        this.onDecided = onDecided;
        setPadding(false);
        setId("pending-settings");
        grid.setId("pending-settings-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(PendingSettingsChange::pluginId).setHeader(getTranslation("plugins.id")).setAutoWidth(true);
        grid.addColumn(PendingSettingsChange::summary).setHeader(getTranslation("plugins.pending.summary")).setFlexGrow(3);
        grid.addColumn(PendingSettingsChange::requestedBy).setHeader(getTranslation("plugins.pending.by")).setAutoWidth(true);
        grid.addColumn(c -> TIME.format(c.requestedAt())).setHeader(getTranslation("plugins.pending.at")).setAutoWidth(true);
        if (approvals.canDecide()) {
            grid.addComponentColumn(this::decisions).setKey("decide").setHeader(getTranslation("staff.actions")).setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        Paragraph help = new Paragraph(getTranslation("plugins.pending.help"));
        help.addClassName("hint");
        add(new H3(getTranslation("plugins.pending.heading")), help, grid);
        refresh();
    }

    void refresh() {
        List<PendingSettingsChange> pending = approvals.pending();
        grid.setItems(pending);
        setVisible(!pending.isEmpty());
    }

    private Component decisions(PendingSettingsChange change) {
        Button approve = new Button(getTranslation("plugins.pending.approve"), e -> confirm(change, true));
        approve.setId("approve-settings-" + change.id());
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button(getTranslation("plugins.pending.reject"), e -> confirm(change, false));
        reject.setId("reject-settings-" + change.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(approve, reject);
    }

    private void confirm(PendingSettingsChange change, boolean approve) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation(approve ? "plugins.pending.approve" : "plugins.pending.reject")
                + " #" + change.id(), getTranslation("plugins.pending.confirm", change.pluginId(), change.requestedBy(), change.summary()),
                getTranslation(approve ? "plugins.pending.approve" : "plugins.pending.reject"), e -> decide(change, approve));
        dialog.setId("pending-settings-confirm");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    void decide(PendingSettingsChange change, boolean approve) {
        try {
            if (approve) {
                approvals.approve(change.id());
            } else {
                approvals.reject(change.id());
            }
            Notification.show(getTranslation(approve ? "plugins.pending.approved" : "plugins.pending.rejected", change.pluginId()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PluginException refused) {
            Notification.show(refused.getMessage(), 8_000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
        onDecided.run();
    }
}

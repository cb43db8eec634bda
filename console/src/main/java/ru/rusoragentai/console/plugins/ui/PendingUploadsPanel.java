package ru.rusoragentai.console.plugins.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.util.List;
import ru.rusoragentai.console.plugins.PendingUpload;
import ru.rusoragentai.console.plugins.PluginException;
import ru.rusoragentai.console.plugins.PluginUploadService;

/** Uploaded plugin jars no trusted key signed, waiting with their SHA-256 for an administrator other than the uploader. */
class PendingUploadsPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PluginUploadService uploads;
    private final Runnable onDecided;
    private final Grid<PendingUpload> grid = new Grid<>();

    PendingUploadsPanel(PluginUploadService uploads, Runnable onDecided) {
        this.uploads = uploads;
        this.onDecided = onDecided;
        setPadding(false);
        setId("pending-uploads");
        grid.setId("pending-uploads-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(u -> u.pluginId() + " " + u.version()).setHeader(getTranslation("plugins.id")).setAutoWidth(true);
        grid.addComponentColumn(u -> hash(u.sha256())).setHeader(getTranslation("plugins.upload.sha256")).setFlexGrow(3);
        grid.addColumn(u -> u.signer() == null ? getTranslation("plugins.upload.unsigned")
                : getTranslation("plugins.upload.untrusted", u.signer())).setHeader(getTranslation("plugins.upload.signature")).setFlexGrow(2);
        grid.addColumn(PendingUpload::uploadedBy).setHeader(getTranslation("plugins.pending.by")).setAutoWidth(true);
        grid.addColumn(u -> TIME.format(u.uploadedAt())).setHeader(getTranslation("plugins.pending.at")).setAutoWidth(true);
        if (uploads.canDecide()) {
            grid.addComponentColumn(this::decisions).setKey("decide").setHeader(getTranslation("staff.actions")).setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        Paragraph help = new Paragraph(getTranslation("plugins.upload.help"));
        help.addClassName("hint");
        add(new H3(getTranslation("plugins.upload.heading")), help, grid);
        refresh();
    }

    void refresh() {
        List<PendingUpload> pending = uploads.pending();
        grid.setItems(pending);
        setVisible(!pending.isEmpty());
    }

    private static Component hash(String sha256) {
        Span span = new Span(sha256);
        span.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        return span;
    }

    private Component decisions(PendingUpload upload) {
        Button approve = new Button(getTranslation("plugins.pending.approve"), e -> confirm(upload, true));
        approve.setId("approve-upload-" + upload.id());
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button(getTranslation("plugins.pending.reject"), e -> confirm(upload, false));
        reject.setId("reject-upload-" + upload.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(approve, reject);
    }

    private void confirm(PendingUpload upload, boolean approve) {
        String action = getTranslation(approve ? "plugins.pending.approve" : "plugins.pending.reject");
        ConfirmDialog dialog = new ConfirmDialog(action + " #" + upload.id(), getTranslation("plugins.upload.confirm",
                upload.pluginId(), upload.uploadedBy(), upload.sha256()), action, e -> decide(upload, approve));
        dialog.setId("pending-upload-confirm");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    void decide(PendingUpload upload, boolean approve) {
        try {
            if (approve) {
                uploads.approve(upload.id());
            } else {
                uploads.reject(upload.id());
            }
            Notification.show(getTranslation(approve ? "plugins.upload.approved" : "plugins.upload.rejected", upload.pluginId()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PluginException refused) {
            Notification.show(refused.getMessage(), 8_000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
        onDecided.run();
    }
}

package ru.rusoragentai.console.tokens.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import ru.rusoragentai.console.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import ru.rusoragentai.console.kit.BoundedUpload;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.tokens.BulkAdjustmentService;
import ru.rusoragentai.console.tokens.BulkFileException;
import ru.rusoragentai.console.tokens.BulkPreview;
import ru.rusoragentai.console.tokens.InsufficientBalanceException;

/** Upload a CSV or XLSX of adjustments, check every row, then apply the whole file or nothing. */
@Menu(title = "nav.bulk", order = 7, icon = "vaadin:upload")
@Route("bulk-adjustments")
@RolesAllowed(Role.Names.ADMIN)
public class BulkAdjustmentView extends VerticalLayout implements HasDynamicTitle {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final BulkAdjustmentService bulk;
    private final Grid<BulkPreview.Row> preview = new Grid<>();
    private final Span summary = new Span();
    private final Button apply = new Button();
    private final HorizontalLayout resultBar = new HorizontalLayout();
    private static final int MAX_FILE_BYTES = 1024 * 1024;

    private String fileName;
    private byte[] content;

    public BulkAdjustmentView(BulkAdjustmentService bulk) {
        this.bulk = bulk;
        setSizeFull();
        Upload upload = new Upload(new BoundedUpload(MAX_FILE_BYTES, this::receiveFile, name -> error(getTranslation("bulk.error.too-large"))));
        upload.setId("bulk-upload");
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv", XLSX);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("bulk.upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("bulk.upload.drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("bulk.error.too-large"))
                .setIncorrectFileType(getTranslation("bulk.error.type")).setTooManyFiles(getTranslation("bulk.upload.one-file")));
        upload.setI18n(i18n);
        summary.setId("bulk-summary");
        apply.setText(getTranslation("bulk.apply"));
        apply.setId("bulk-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> confirmApply());
        configureGrid();
        resultBar.setId("bulk-result");
        add(new H2(getTranslation("bulk.heading")), new Paragraph(getTranslation("bulk.help")), upload,
                new HorizontalLayout(summary, apply), resultBar, preview);
    }

    private void configureGrid() {
        preview.setId("bulk-preview");
        preview.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        preview.addColumn(BulkPreview.Row::line).setHeader(getTranslation("bulk.line")).setAutoWidth(true).setFlexGrow(0);
        preview.addColumn(BulkPreview.Row::identifier).setHeader(getTranslation("bulk.identifier")).setAutoWidth(true);
        preview.addColumn(r -> r.userId() == null ? "" : r.userName() + " (#" + r.userId() + ")").setHeader(getTranslation("approvals.user"))
                .setAutoWidth(true);
        // as written when it could not be read, so the wrong value is in front of whoever fixes the file
        preview.addColumn(r -> r.delta() == null ? nullToEmpty(r.tokensText()) : Numbers.signed(this, r.delta()))
                .setHeader(getTranslation("ledger.delta")).setAutoWidth(true);
        preview.addColumn(r -> r.reason() == null ? nullToEmpty(r.reasonText()) : getTranslation("adjust.reason." + r.reason().dbValue()))
                .setHeader(getTranslation("adjust.reason")).setAutoWidth(true);
        preview.addColumn(BulkPreview.Row::comment).setHeader(getTranslation("adjust.comment")).setFlexGrow(1);
        preview.addColumn(r -> r.valid() ? getTranslation("bulk.row.ok") : r.errors().stream().map(key -> problem(key, r))
                .collect(Collectors.joining("; "))).setKey("check").setHeader(getTranslation("bulk.check")).setFlexGrow(4);
        preview.setPartNameGenerator(r -> r.valid() ? null : "error-row");
        preview.setSizeFull();
        preview.setVisible(false);
    }

    /** A row's problem in words, with the value it is about. */
    private String problem(String key, BulkPreview.Row row) {
        return switch (key) {
            case "bulk.row.unknown-user" -> getTranslation(key, nullToEmpty(row.identifier()));
            case "bulk.row.bad-number" -> getTranslation(key, nullToEmpty(row.tokensText()));
            case "bulk.row.over-threshold" -> getTranslation(key, Numbers.whole(this, Math.abs(row.delta())), Numbers.whole(this, bulk.approvalThreshold()));
            case "bulk.row.bad-reason" -> getTranslation(key, nullToEmpty(row.reasonText()));
            default -> getTranslation(key);
        };
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Called with the uploaded bytes; validates and shows the preview. Public so UI tests can feed files. */
    public void receiveFile(String name, byte[] data) {
        resultBar.removeAll();
        try {
            BulkPreview checked = bulk.preview(name, data);
            fileName = name;
            content = data;
            preview.setItems(checked.rows());
            preview.setVisible(true);
            apply.setEnabled(checked.applicable());
            summary.setText(checked.alreadyApplied() ? getTranslation("bulk.already-applied")
                    : getTranslation("bulk.summary", checked.rows().size(), checked.errorCount(), checked.validCount(),
                    checked.validDelta()));
        } catch (BulkFileException refused) {
            reset();
            error(getTranslation(refused.messageKey()));
        }
    }

    private void confirmApply() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("bulk.apply"), getTranslation("bulk.apply.confirm", fileName),
                getTranslation("bulk.apply"), e -> applyFile());
        confirm.setId("bulk-apply-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private void applyFile() {
        try {
            List<BulkAdjustmentService.AppliedRow> applied = bulk.apply(fileName, content);
            byte[] result = bulk.resultWorkbook(fileName, applied);
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(result), "bulk-result.xlsx", XLSX, result.length)), getTranslation("bulk.download"));
            download.setId("bulk-download");
            download.getElement().setAttribute("download", true);
            resultBar.removeAll();
            resultBar.add(new Span(getTranslation("bulk.applied", applied.size())), download);
            Notification.show(getTranslation("bulk.applied", applied.size())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            apply.setEnabled(false);
        } catch (BulkFileException refused) {
            error(getTranslation(refused.messageKey()));
        } catch (InsufficientBalanceException refused) {
            error(getTranslation("bulk.error.insufficient", refused.getMessage()));
        }
    }

    private void reset() {
        fileName = null;
        content = null;
        preview.setVisible(false);
        apply.setEnabled(false);
        summary.setText("");
    }

    private static void error(String message) {
        Notification notification = Notification.show(message);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setDuration(8000);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bulk.heading");
    }
}

package ru.rusoragentai.console.plugins.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import ru.rusoragentai.console.plugins.PendingUpload;
import ru.rusoragentai.console.plugins.PluginState;
import ru.rusoragentai.console.plugins.PluginSummary;
import ru.rusoragentai.console.plugins.PluginUploadService;

/** Uploaded plugin jars no trusted key signed, waiting with their SHA-256 for an administrator other than the uploader. */
class PendingUploadsPanel extends PendingDecisionsPanel<PendingUpload> {

    private final PluginUploadService uploads;

    PendingUploadsPanel(PluginUploadService uploads, Runnable onDecided) {
        super("upload", onDecided);
        this.uploads = uploads;
        grid.addColumn(u -> u.pluginId() + " " + u.version()).setHeader(getTranslation("plugins.id")).setAutoWidth(true);
        grid.addComponentColumn(u -> hash(u.sha256())).setHeader(getTranslation("plugins.upload.sha256")).setFlexGrow(3);
        grid.addColumn(u -> u.signer() == null ? getTranslation("plugins.upload.unsigned")
                : getTranslation("plugins.upload.untrusted", u.signer())).setHeader(getTranslation("plugins.upload.signature")).setFlexGrow(2);
        grid.addColumn(PendingUpload::uploadedBy).setHeader(getTranslation("plugins.pending.by")).setAutoWidth(true);
        grid.addColumn(u -> TIME.format(u.uploadedAt())).setHeader(getTranslation("plugins.pending.at")).setAutoWidth(true);
        finish(uploads.canDecide(), "plugins.upload.heading", "plugins.upload.help");
    }

    @Override
    protected List<PendingUpload> pending() {
        return uploads.pending();
    }

    @Override
    protected long id(PendingUpload upload) {
        return upload.id();
    }

    @Override
    protected String describe(PendingUpload upload) {
        return getTranslation("plugins.upload.confirm", upload.pluginId(), upload.uploadedBy(), upload.sha256());
    }

    @Override
    protected String decide(PendingUpload upload, boolean approve) {
        if (!approve) {
            uploads.reject(upload.id());
            return getTranslation("plugins.upload.rejected", upload.pluginId());
        }
        PluginSummary installed = uploads.approve(upload.id());
        return installed.state() == PluginState.FAILED
                ? getTranslation("plugins.installed-failed", installed.id(), installed.error())
                : getTranslation("plugins.upload.approved", upload.pluginId());
    }

    private static Component hash(String sha256) {
        Span span = new Span(sha256);
        span.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        return span;
    }
}

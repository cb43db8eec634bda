package ru.rusoragentai.console.plugins;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/**
 * Four eyes on plugin code. An uploaded jar that no trusted key signed waits, with its SHA-256, until an
 * administrator other than the uploader approves it; only then is it placed in the plugins directory and loaded.
 * Approvals, rejections and refused self-approvals are audited.
 */
@Service
@Transactional(readOnly = true)
public class PluginUploadService {

    private final PluginUploadRepository uploads;
    private final PluginFiles files;
    private final PluginService plugins;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    PluginUploadService(PluginUploadRepository uploads, PluginFiles files, PluginService plugins, AuditService audit,
                        CurrentStaff currentStaff, Clock clock) {
        this.uploads = uploads;
        this.files = files;
        this.plugins = plugins;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public List<PendingUpload> pending() {
        return uploads.pending();
    }

    /** Whether the signed-in staff member may approve or reject (administrators only). */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public boolean canDecide() {
        return currentStaff.hasRole(Role.ADMIN);
    }

    /**
     * Approves a waiting upload's SHA-256: the file (checked against that hash) is placed and loaded.
     *
     * @throws PluginException when it is not waiting, when the approver uploaded it, or when the file is gone, changed,
     *                         or its plugin is refused on loading (nothing is installed then)
     */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(noRollbackFor = PluginException.class)
    public PluginSummary approve(long uploadId) {
        PendingUpload upload = waiting(uploadId);
        String actor = currentStaff.actor();
        if (upload.uploadedBy().equals(actor)) {
            audit.record("plugin.upload_self_approval_refused", PluginService.TARGET, upload.pluginId(), "upload #" + uploadId);
            throw new PluginException("plugins.error.own-upload", uploadId);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        PluginSummary installed;
        try {
            installed = plugins.installPlaced(files.release(uploadId, upload.pluginId(), upload.sha256()),
                    "upload #" + uploadId + " file=" + upload.fileName() + " sha256=" + upload.sha256() + " approved by " + actor);
        } catch (PluginException refused) {
            uploads.decide(uploadId, "rejected", actor, now);
            files.discard(uploadId);
            audit.record("plugin.install-refused", PluginService.TARGET, upload.pluginId(), "upload #" + uploadId + ": "
                    + refused.getMessage());
            throw refused;
        }
        uploads.decide(uploadId, "approved", actor, now);
        audit.record("plugin.upload_approved", PluginService.TARGET, upload.pluginId(), "upload #" + uploadId
                + " by " + upload.uploadedBy() + " sha256=" + upload.sha256());
        return installed;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public void reject(long uploadId) {
        PendingUpload upload = waiting(uploadId);
        uploads.decide(uploadId, "rejected", currentStaff.actor(), LocalDateTime.now(clock));
        files.discard(uploadId);
        audit.record("plugin.upload_rejected", PluginService.TARGET, upload.pluginId(), "upload #" + uploadId
                + " by " + upload.uploadedBy() + " sha256=" + upload.sha256());
    }

    private PendingUpload waiting(long uploadId) {
        PendingUpload upload = uploads.lock(uploadId).orElseThrow(() -> new PluginException("plugins.error.no-upload", uploadId));
        if (!"pending".equals(upload.status())) {
            throw new PluginException("plugins.error.upload-decided", uploadId, upload.status());
        }
        return upload;
    }
}

package ru.rusoragentai.console.plugins;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/**
 * Four eyes on a payment channel's settings. Whoever can set a channel's secret and its product-to-tokens map can
 * sign a webhook and be credited, so such a change waits until an administrator other than the one who asked
 * approves it. Requests, approvals, refusals and self-approval attempts are all audited.
 */
@Service
@Transactional(readOnly = true)
public class SettingsApprovalService {

    private final SettingsChangeRepository changes;
    private final SettingsWriter writer;
    private final PluginService plugins;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    SettingsApprovalService(SettingsChangeRepository changes, SettingsWriter writer, PluginService plugins,
                            SecretCipher cipher, AuditService audit, CurrentStaff currentStaff, Clock clock) {
        this.changes = changes;
        this.writer = writer;
        this.plugins = plugins;
        this.cipher = cipher;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public List<PendingSettingsChange> pending() {
        return changes.pending();
    }

    /** Whether the signed-in staff member may approve or reject (administrators only). */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public boolean canDecide() {
        return currentStaff.hasRole(Role.ADMIN);
    }

    /**
     * Applies a waiting change, checked again against the plugin's current form.
     *
     * @throws PluginException when it is not waiting, when the approver asked for it, or when it no longer validates
     */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(noRollbackFor = PluginException.class)
    public Set<String> approve(long changeId) {
        SettingsChangeRepository.Stored stored = waiting(changeId);
        String actor = currentStaff.actor();
        if (stored.requestedBy().equals(actor)) {
            audit.record("plugin.settings_self_approval_refused", PluginService.TARGET, stored.pluginId(), "change #" + changeId);
            throw new PluginException("plugins.error.own-change", changeId);
        }
        SettingsChange change = SettingsChangeJson.read(cipher.decryptString(stored.changeEnc()));
        PluginSettingsForm form = plugins.settingsForm(stored.pluginId());
        if (form.descriptors().isEmpty()) {
            // a stopped plugin's settings form is unknown; approving now would change nothing and say otherwise
            throw new PluginException("plugins.error.change-not-running", stored.pluginId(), changeId);
        }
        writer.validate(form, change);
        LocalDateTime now = LocalDateTime.now(clock);
        Set<String> changed = writer.write(stored.pluginId(), form, change, actor, now);
        changes.decide(changeId, "approved", actor, now);
        audit.record("plugin.settings_approved", PluginService.TARGET, stored.pluginId(), "change #" + changeId
                + " asked by " + stored.requestedBy() + ": " + (changed.isEmpty() ? "no change" : String.join("; ", changed)));
        return changed;
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public void reject(long changeId) {
        SettingsChangeRepository.Stored stored = waiting(changeId);
        changes.decide(changeId, "rejected", currentStaff.actor(), LocalDateTime.now(clock));
        audit.record("plugin.settings_rejected", PluginService.TARGET, stored.pluginId(), "change #" + changeId
                + " asked by " + stored.requestedBy() + ": " + stored.summary());
    }

    private SettingsChangeRepository.Stored waiting(long changeId) {
        SettingsChangeRepository.Stored stored = changes.lock(changeId)
                .orElseThrow(() -> new PluginException("plugins.error.no-change", changeId));
        if (!"pending".equals(stored.status())) {
            throw new PluginException("plugins.error.change-decided", changeId, stored.status());
        }
        return stored;
    }
}

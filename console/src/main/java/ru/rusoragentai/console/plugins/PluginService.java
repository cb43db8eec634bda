package ru.rusoragentai.console.plugins;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.spi.ConsoleExtension;
import ru.rusoragentai.spi.PaymentChannel;
import ru.rusoragentai.spi.SettingDescriptor;

/** What operators do with plugins. Every action is permission-checked here and audited. */
@Service
@RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
public class PluginService {

    static final String TARGET = "plugin";

    private final PluginHost host;
    private final PluginFiles files;
    private final PluginStateRepository states;
    private final PluginSettingsRepository settings;
    private final PluginContexts contexts;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final SettingsWriter writer;
    private final SettingsChangeRepository changeRepository;
    private final PluginTrust trust;
    private final PluginUploadRepository uploads;
    private final PluginProperties properties;
    private final Clock clock;
    private final PluginHealthChecks healthChecks;
    private final PluginTexts texts;

    PluginService(PluginHost host, PluginFiles files, PluginStateRepository states, PluginSettingsRepository settings,
                  PluginContexts contexts, SecretCipher cipher, AuditService audit, CurrentStaff currentStaff,
                  SettingsWriter writer, SettingsChangeRepository changeRepository, PluginTrust trust,
                  PluginUploadRepository uploads, PluginProperties properties, Clock clock, PluginHealthChecks healthChecks, PluginTexts texts) {
        this.healthChecks = healthChecks;
        this.texts = texts;
        this.trust = trust;
        this.uploads = uploads;
        this.properties = properties;
        this.writer = writer;
        this.changeRepository = changeRepository;
        this.host = host;
        this.files = files;
        this.states = states;
        this.settings = settings;
        this.contexts = contexts;
        this.cipher = cipher;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    public List<PluginSummary> plugins() {
        return host.plugins();
    }

    /** The plugin's description in the reader's language, where the plugin ships one; else its manifest's. */
    public String description(PluginSummary plugin, java.util.Locale locale) {
        return texts.text(plugin.id(), "description", locale).orElse(plugin.description() == null ? "" : plugin.description());
    }

    /** A setting's label in the reader's language, where the plugin ships one; else the descriptor's. */
    public String label(String pluginId, SettingDescriptor setting, java.util.Locale locale) {
        return texts.text(pluginId, "setting." + setting.name() + ".label", locale).orElse(setting.label());
    }

    /** A setting's help in the reader's language, where the plugin ships it; else the descriptor's. */
    public String help(String pluginId, SettingDescriptor setting, java.util.Locale locale) {
        return texts.text(pluginId, "setting." + setting.name() + ".help", locale).orElse(setting.help());
    }

    /** Each plugin's last health answer (scheduled check or Test connection), by plugin id. */
    public java.util.Map<String, PluginHealth> health() {
        return healthChecks.lastAnswers();
    }

    /** The largest plugin file an upload may have, for the upload component's own limit. */
    public long maxUploadBytes() {
        return files.maxUploadBytes();
    }

    /**
     * Validates an uploaded plugin jar. One signed by a key in the trust store is installed, loaded and started at
     * once; any other is set aside, with its SHA-256, until an administrator other than the uploader approves it
     * ({@link PluginUploadService}). A refused file is audited too.
     *
     * @throws PluginException when uploads are switched off, or the file is not a valid, compatible, new plugin, or
     *                         it claims a provider id another plugin serves; nothing is installed then
     */
    @Transactional(noRollbackFor = PluginException.class)
    public InstallOutcome install(String fileName, byte[] content) {
        if (!properties.uploadsEnabled()) {
            audit.record("plugin.install-refused", TARGET, abbreviate(fileName), "uploads are switched off");
            throw new PluginException("plugins.error.uploads-off");
        }
        try (PluginFiles.Staged staged = files.stage(content)) {
            String id = staged.descriptor().getPluginId();
            if (uploads.pendingFor(id)) {
                throw new PluginException("plugins.error.upload-waiting", id);
            }
            PluginTrust.Verdict verdict = trust.verify(staged.file());
            if (verdict instanceof PluginTrust.Verdict.Broken broken) {
                throw new PluginException("plugins.error.broken-signature", broken.why());
            }
            if (verdict instanceof PluginTrust.Verdict.Untrusted untrusted) {
                long upload = uploads.insert(staged.sha256(), fileName, id, staged.descriptor().getVersion(), untrusted.signer(),
                        currentStaff.actor(), now());
                files.quarantine(staged, upload);
                audit.record("plugin.upload_pending", TARGET, id, "upload #" + upload + " file=" + abbreviate(fileName)
                        + " sha256=" + staged.sha256() + " (" + untrusted.why() + ")");
                return new InstallOutcome(null, uploads.lock(upload).orElseThrow());
            }
            String signer = ((PluginTrust.Verdict.Trusted) verdict).signer();
            PluginSummary loaded = installPlaced(files.place(staged), "file=" + fileName + " sha256=" + staged.sha256()
                    + " signed by " + signer);
            return new InstallOutcome(loaded, null);
        } catch (PluginException refused) {
            audit.record("plugin.install-refused", TARGET, abbreviate(fileName), abbreviate(refused.getMessage()));
            throw refused;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Loads a jar now in the plugins directory; one that claims another plugin's provider id is unloaded and deleted.
     *
     * @throws PluginException when it was refused for its claim
     */
    PluginSummary installPlaced(java.nio.file.Path path, String details) {
        PluginSummary loaded = host.load(path);
        var claim = host.refusedClaim(loaded.id());
        if (claim.isPresent()) {
            host.unload(loaded.id());
            files.delete(path);
            throw new PluginException(claim.get().key(), claim.get().arguments());
        }
        audit.record("plugin.install", TARGET, loaded.id(), details + " version=" + loaded.version()
                + " state=" + loaded.state() + errorSuffix(loaded));
        return loaded;
    }

    @Transactional
    public PluginSummary enable(String id) {
        states.setEnabled(id, true, currentStaff.actor(), now());
        PluginSummary started = host.start(id);
        audit.record("plugin.enable", TARGET, id, "state=" + started.state() + errorSuffix(started));
        return started;
    }

    @Transactional
    public PluginSummary disable(String id) {
        states.setEnabled(id, false, currentStaff.actor(), now());
        PluginSummary stopped = host.stop(id);
        audit.record("plugin.disable", TARGET, id, "state=" + stopped.state());
        return stopped;
    }

    @Transactional
    public PluginSummary reload(String id) {
        PluginSummary reloaded = host.reload(id);
        contexts.evict(id);
        audit.record("plugin.reload", TARGET, id, "state=" + reloaded.state() + errorSuffix(reloaded));
        return reloaded;
    }

    /** Unloads the plugin, deletes its file and forgets its state and settings. */
    @Transactional
    public void uninstall(String id) {
        PluginSummary plugin = host.plugin(id).orElseThrow(() -> new PluginException("plugins.error.no-plugin", id));
        host.unload(id);
        files.delete(plugin.file());
        states.forget(id);
        contexts.evict(id);
        audit.record("plugin.uninstall", TARGET, id, "file=" + plugin.file().getFileName() + " version=" + plugin.version());
    }

    public PluginSettingsForm settingsForm(String id) {
        List<SettingDescriptor> descriptors = contexts.descriptors(id);
        Map<String, String> values = new HashMap<>();
        Set<String> secretsSet = new TreeSet<>();
        descriptors.stream().filter(d -> d.defaultValue() != null).forEach(d -> values.put(d.name(), d.defaultValue()));
        settings.load(id).values().forEach(stored -> {
            if (stored.secret()) {
                secretsSet.add(stored.name());
            } else if (stored.text() != null) {
                values.put(stored.name(), stored.text());
            }
        });
        return new PluginSettingsForm(id, descriptors, Map.copyOf(values), Set.copyOf(secretsSet));
    }

    /**
     * Validates and stores settings; secrets are encrypted (AES-256-GCM) and never echoed back. A payment channel's
     * settings decide who is credited for what, so for one the change waits for a second administrator instead
     * ({@link SettingsApprovalService}); a newer change replaces one still waiting.
     *
     * @throws PluginException listing every problem; nothing is stored then
     */
    @Transactional
    public SettingsSaved saveSettings(String id, SettingsChange change) {
        PluginSettingsForm form = settingsForm(id);
        writer.validate(form, change);
        String actor = currentStaff.actor();
        LocalDateTime now = now();
        if (host.extension(id, PaymentChannel.class).isPresent()) {
            Set<String> changes = writer.describe(form, change);
            if (changes.isEmpty()) {
                return new SettingsSaved(null);
            }
            String summary = String.join("; ", changes);
            changeRepository.supersede(id, actor, now);
            long pending = changeRepository.insert(id, cipher.encryptString(SettingsChangeJson.write(change)), summary, actor, now);
            audit.record("plugin.settings_requested", TARGET, id, "change #" + pending + ": " + summary);
            return new SettingsSaved(pending);
        }
        Set<String> changed = writer.write(id, form, change, actor, now);
        audit.record("plugin.settings", TARGET, id, changed.isEmpty() ? "no change" : String.join("; ", changed));
        return new SettingsSaved(null);
    }

    /** Runs the plugin's health check with the call timeout. */
    @Transactional
    public PluginHealth testConnection(String id) {
        List<ConsoleExtension> extensions = host.allExtensions(id);
        if (extensions.isEmpty() || host.plugin(id).map(p -> p.state() != PluginState.STARTED).orElse(true)) {
            throw new PluginException("plugins.error.not-started", id);
        }
        PluginHealth result = healthChecks.check(id);
        audit.record("plugin.test", TARGET, id, (result.healthy() ? "healthy: " : "unhealthy: ")
                + abbreviate(result.message()));
        return result;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String errorSuffix(PluginSummary summary) {
        return summary.error() == null ? "" : " error=" + abbreviate(summary.error());
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(unset)";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
    }
}

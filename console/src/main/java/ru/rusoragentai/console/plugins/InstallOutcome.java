package ru.rusoragentai.console.plugins;

/**
 * What an upload did: loaded at once (a jar signed by a trusted key) or set aside for a second administrator.
 * Exactly one of the two is set.
 */
public record InstallOutcome(PluginSummary installed, PendingUpload pending) {

    public boolean isPending() {
        return pending != null;
    }
}

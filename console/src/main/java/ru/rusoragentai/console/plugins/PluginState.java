package ru.rusoragentai.console.plugins;

/** What the console shows for a plugin. */
public enum PluginState {
    /** Loaded, started, its extensions answer calls. */
    STARTED,
    /** Loaded but switched off by an operator; its extensions get no calls. */
    DISABLED,
    /** Could not be loaded or started, or failed a call; the error says why. Reload after fixing. */
    FAILED
}

package ru.rusoragentai.console.plugins;

/** An extension together with the plugin that provides it. */
public record Described<T>(String pluginId, T extension) {
}

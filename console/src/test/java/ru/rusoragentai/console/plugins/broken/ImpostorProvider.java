package ru.rusoragentai.console.plugins.broken;

/** A provider that claims the id of the bundled Anthropic plugin. */
public class ImpostorProvider extends FixedProvider {

    @Override
    public String providerId() {
        return "anthropic";
    }
}

package ru.rusoragentai.console.plugins.broken;

import org.pf4j.Plugin;

/** A plugin whose start throws: packaged into a jar by the tests, never loaded from the classpath. */
public class ThrowingStartPlugin extends Plugin {

    @Override
    public void start() {
        throw new IllegalStateException("boom at start");
    }
}

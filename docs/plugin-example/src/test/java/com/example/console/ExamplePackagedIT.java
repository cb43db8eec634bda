package com.example.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pf4j.PluginState;
import ru.rusoragentai.plugins.testkit.PluginHarness;
import ru.rusoragentai.spi.AiProvider;

/** The packaged jar loads with a real PF4J manager, as the console loads it. */
class ExamplePackagedIT {

    @Test
    void shouldLoadFromThePackagedJar() {
        try (PluginHarness harness = PluginHarness.load(PluginHarness.builtJar())) {
            assertEquals(PluginState.STARTED, harness.state());
            assertEquals("example", harness.extension(AiProvider.class).providerId());
        }
    }
}

package ru.rusoragentai.plugins.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.pf4j.PluginState;
import ru.rusoragentai.plugins.testkit.PluginHarness;
import ru.rusoragentai.plugins.testkit.StubHttpServer;
import ru.rusoragentai.plugins.testkit.TestContext;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.HealthResult;

class GeminiPackagedIT {

    @Test
    void shouldLoadFromThePackagedJarAndAnswerThroughItsBundledJsonLibrary() {
        try (PluginHarness harness = PluginHarness.load(PluginHarness.builtJar());
             StubHttpServer stub = StubHttpServer.start()) {
            assertEquals(PluginState.STARTED, harness.state());
            assertEquals("ai-gemini", harness.pluginId());
            AiProvider provider = harness.extension(AiProvider.class);
            GeminiStub.models(stub, "key");
            HealthResult health = provider.checkHealth(TestContext.builder().baseUrl(stub.baseUrl())
                    .secret("api-key", "key").build());
            assertInstanceOf(HealthResult.Healthy.class, health, health.message());
        }
    }
}

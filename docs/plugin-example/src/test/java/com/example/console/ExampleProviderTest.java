package com.example.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.plugins.testkit.AiProviderContract;
import ru.rusoragentai.plugins.testkit.StubHttpServer;
import ru.rusoragentai.plugins.testkit.TestContext;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.ModelOffer;

/** The testkit's contract for an AI provider, against a stub that answers like Example AI's documented API. */
class ExampleProviderTest extends AiProviderContract {

    @Override
    protected AiProvider extension() {
        return new ExampleProvider();
    }

    @Override
    protected void stubHealthyVendor(StubHttpServer server) {
        // the contract sets every secret to CANARY
        server.on("GET", "/v1/models", request -> CANARY.equals(request.bearer())
                ? StubHttpServer.json(200, "{\"data\":[{\"id\":\"example-1\"},{\"id\":\"example-2\"}]}")
                : StubHttpServer.json(401, "{}"));
    }

    @Override
    protected void stubUsageReport(StubHttpServer server) {
        // Example AI has no usage API: fetchUsage answers "unsupported" without a call
    }

    @Override
    protected TestContext.Builder settings(TestContext.Builder builder) {
        return builder;
    }

    @Test
    void shouldListTheModelsTheVendorNames() {
        stubHealthyVendor(stub);
        List<ModelOffer> models = extension().models(context());
        assertEquals(List.of("example-1", "example-2"), models.stream().map(ModelOffer::id).toList());
    }
}

package ru.rusoragentai.plugins.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.plugins.testkit.AiProviderContract;
import ru.rusoragentai.plugins.testkit.StubHttpServer;
import ru.rusoragentai.plugins.testkit.TestContext;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.UsageReport;

class GeminiProviderTest extends AiProviderContract {

    @Override
    protected AiProvider extension() {
        return new GeminiProvider();
    }

    @Override
    protected void stubHealthyVendor(StubHttpServer server) {
        GeminiStub.models(server, CANARY);
    }

    @Override
    protected void stubUsageReport(StubHttpServer server) {
        // Google has no usage API: nothing to stub
    }

    @Override
    protected TestContext.Builder settings(TestContext.Builder builder) {
        return builder;
    }

    @Test
    void shouldListGenerativeModelsFromEveryPageWithoutThePrefix() {
        stubHealthyVendor(stub);
        List<ModelOffer> models = extension().models(context());
        assertEquals(List.of("gemini-2.5-pro", "gemini-2.5-flash"), models.stream().map(ModelOffer::id).toList());
        assertEquals(OptionalInt.of(1048576), models.getFirst().contextWindow());
        assertEquals(Optional.of(new BigDecimal("10")), models.getFirst().outputUsdPerMillion());
        assertEquals("Ch1tb2RlbHMvZ2VtaW5pLTIuNS1mbGFzaA==", stub.requests().get(1).query().get("pageToken"));
    }

    @Test
    void shouldSayGoogleOffersNoUsageApi() {
        UsageReport report = extension().fetchUsage(context(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2));
        assertEquals(GeminiProvider.NO_USAGE_API, assertInstanceOf(UsageReport.Unsupported.class, report).reason());
    }
}

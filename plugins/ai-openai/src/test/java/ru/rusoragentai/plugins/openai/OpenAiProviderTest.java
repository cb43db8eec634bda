package ru.rusoragentai.plugins.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.plugins.testkit.AiProviderContract;
import ru.rusoragentai.plugins.testkit.StubHttpServer;
import ru.rusoragentai.plugins.testkit.TestContext;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.UsageReport;

class OpenAiProviderTest extends AiProviderContract {

    @Override
    protected AiProvider extension() {
        return new OpenAiProvider();
    }

    @Override
    protected void stubHealthyVendor(StubHttpServer server) {
        OpenAiStub.models(server, CANARY);
    }

    @Override
    protected void stubUsageReport(StubHttpServer server) {
        OpenAiStub.reports(server, CANARY);
    }

    @Override
    protected TestContext.Builder settings(TestContext.Builder builder) {
        return builder.setting("prices", "text-embedding-3 = 0.02 / 0");
    }

    @Test
    void shouldPriceByLongestPrefixAndApplyOperatorOverrides() {
        stubHealthyVendor(stub);
        List<ModelOffer> models = extension().models(context());
        assertEquals(Optional.of(new BigDecimal("0.25")), find(models, "gpt-5-mini-2025-08-07").inputUsdPerMillion());
        assertEquals(Optional.of(new BigDecimal("8")), find(models, "gpt-4.1").outputUsdPerMillion());
        assertEquals(Optional.of(new BigDecimal("0.02")), find(models, "text-embedding-3-small").inputUsdPerMillion());
    }

    @Test
    void shouldSumUsageAcrossPagesAndAttributeCostLineItemsToModels() {
        stubUsageReport(stub);
        UsageReport report = extension().fetchUsage(context(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3));
        assertEquals(List.of(
                new UsageReport.Row(LocalDate.of(2026, 11, 1), "gpt-4.1", 5000, 1200, Optional.of(new BigDecimal("0.0196"))),
                new UsageReport.Row(LocalDate.of(2026, 11, 2), "gpt-5-mini-2025-08-07", 700, 30, Optional.empty())),
                ((UsageReport.Reported) report).rows());
        StubHttpServer.Request first = stub.requests().getFirst();
        assertEquals(String.valueOf(LocalDate.of(2026, 11, 1).toEpochSecond(java.time.LocalTime.MIDNIGHT,
                java.time.ZoneOffset.UTC)), first.query().get("start_time"));
        assertTrue(stub.requests().stream().anyMatch(r -> "page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=".equals(r.query().get("page"))));
    }

    @Test
    void shouldReportRefusedCredentialsAsUnhealthy() {
        OpenAiStub.models(stub, "another-key");
        HealthResult result = extension().checkHealth(context());
        assertInstanceOf(HealthResult.Unhealthy.class, result);
        assertTrue(result.message().contains("refused the credentials"), result.message());
    }

    private static ModelOffer find(List<ModelOffer> models, String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }
}

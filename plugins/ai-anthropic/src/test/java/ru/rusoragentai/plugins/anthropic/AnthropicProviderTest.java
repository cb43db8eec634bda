package ru.rusoragentai.plugins.anthropic;

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
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.UsageReport;

class AnthropicProviderTest extends AiProviderContract {

    @Override
    protected AiProvider extension() {
        return new AnthropicProvider();
    }

    @Override
    protected void stubHealthyVendor(StubHttpServer server) {
        AnthropicStub.models(server, CANARY);
    }

    @Override
    protected void stubUsageReport(StubHttpServer server) {
        AnthropicStub.reports(server, CANARY);
    }

    @Override
    protected TestContext.Builder settings(TestContext.Builder builder) {
        return builder;
    }

    @Test
    void shouldPriceKnownModelsByPrefixAndLeaveUnknownOnesUnpriced() {
        stubHealthyVendor(stub);
        List<ModelOffer> models = extension().models(context());
        ModelOffer sonnet = models.stream().filter(m -> m.id().startsWith("claude-sonnet")).findFirst().orElseThrow();
        assertEquals(Optional.of(new BigDecimal("3")), sonnet.inputUsdPerMillion());
        assertEquals(Optional.of(new BigDecimal("15")), sonnet.outputUsdPerMillion());
        assertEquals("Claude Sonnet 4.5", sonnet.displayName());
        ModelOffer unknown = models.stream().filter(m -> m.id().equals("claude-experimental-x")).findFirst().orElseThrow();
        assertTrue(unknown.inputUsdPerMillion().isEmpty());
    }

    @Test
    void shouldFollowNextPageAndSumUsageAndCostPerDayAndModel() {
        stubUsageReport(stub);
        UsageReport report = extension().fetchUsage(context(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3));
        List<UsageReport.Row> rows = ((UsageReport.Reported) report).rows();
        assertEquals(List.of(
                new UsageReport.Row(LocalDate.of(2026, 11, 1), "claude-sonnet-4-5-20250929", 1275, 400,
                        Optional.of(new BigDecimal("9.0050"))),
                new UsageReport.Row(LocalDate.of(2026, 11, 1), "other", 0, 0, Optional.of(new BigDecimal("10.00"))),
                new UsageReport.Row(LocalDate.of(2026, 11, 2), "claude-haiku-4-5-20251001", 500, 90, Optional.empty()),
                new UsageReport.Row(LocalDate.of(2026, 11, 2), "claude-sonnet-4-5-20250929", 3000, 700, Optional.empty())),
                rows);
        StubHttpServer.Request second = stub.requests().stream()
                .filter(r -> r.path().endsWith("/messages") && r.query().containsKey("page")).findFirst().orElseThrow();
        assertEquals("page_MjAyNi0xMS0wMg==", second.query().get("page"));
        assertEquals("1d", second.query().get("bucket_width"));
        assertEquals("2026-11-01T00:00:00Z", second.query().get("starting_at"));
    }

    @Test
    void shouldSayUsageIsUnsupportedWithoutAnAdminKey() {
        TestContext context = TestContext.builder().baseUrl(stub.baseUrl()).secret("api-key", CANARY).build();
        UsageReport report = extension().fetchUsage(context, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3));
        assertInstanceOf(UsageReport.Unsupported.class, report);
        assertTrue(stub.requests().isEmpty());
    }
}

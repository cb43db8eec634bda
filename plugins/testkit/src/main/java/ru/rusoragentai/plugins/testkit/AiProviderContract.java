package ru.rusoragentai.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.UsageReport;

/** Contract tests for {@link AiProvider} plugins. */
public abstract class AiProviderContract extends ConsoleExtensionContract<AiProvider> {

    /** Makes the stub answer the vendor's usage (and cost) report for {@link #reportFrom()}..{@link #reportUntil()}. */
    protected abstract void stubUsageReport(StubHttpServer server);

    protected LocalDate reportFrom() {
        return LocalDate.of(2026, 11, 1);
    }

    protected LocalDate reportUntil() {
        return LocalDate.of(2026, 11, 3);
    }

    @Test
    void shouldListModelsWithUniqueIds() {
        stubHealthyVendor(stub);
        List<ModelOffer> models = extension().models(context());
        assertFalse(models.isEmpty(), "no models listed");
        Set<String> ids = models.stream().map(ModelOffer::id).collect(Collectors.toSet());
        assertEquals(models.size(), ids.size(), "model ids must be unique");
    }

    @Test
    void shouldReportUsageWithinTheRequestedDays() {
        stubHealthyVendor(stub);
        stubUsageReport(stub);
        UsageReport report = extension().fetchUsage(context(), reportFrom(), reportUntil());
        if (report instanceof UsageReport.Reported reported) {
            for (UsageReport.Row row : reported.rows()) {
                assertFalse(row.day().isBefore(reportFrom()) || !row.day().isBefore(reportUntil()), row.toString());
                assertTrue(row.inputTokens() >= 0 && row.outputTokens() >= 0, row.toString());
            }
        }
    }

    @Override
    protected List<String> exerciseForSecretLeaks(TestContext context) {
        stubUsageReport(stub);
        return List.of(extension().models(context).toString(),
                extension().fetchUsage(context, reportFrom(), reportUntil()).toString());
    }
}

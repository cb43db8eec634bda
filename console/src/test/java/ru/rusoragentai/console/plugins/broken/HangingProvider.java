package ru.rusoragentai.console.plugins.broken;

import java.time.LocalDate;
import java.util.List;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.SettingDescriptor;
import ru.rusoragentai.spi.UsageReport;

/** A provider that never answers. */
public class HangingProvider implements AiProvider {

    @Override
    public String providerId() {
        return "hanging";
    }

    @Override
    public String displayName() {
        return "Hanging";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of();
    }

    @Override
    public HealthResult checkHealth(PluginContext context) {
        return hang();
    }

    @Override
    public List<ModelOffer> models(PluginContext context) {
        return hang();
    }

    @Override
    public UsageReport fetchUsage(PluginContext context, LocalDate from, LocalDate until) {
        return hang();
    }

    private static <T> T hang() {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException ignored) {
                // a hung plugin ignores interruption too
            }
        }
        throw new IllegalStateException("gave up hanging");
    }
}

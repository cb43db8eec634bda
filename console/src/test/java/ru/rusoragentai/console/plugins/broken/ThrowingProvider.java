package ru.rusoragentai.console.plugins.broken;

import java.time.LocalDate;
import java.util.List;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.SettingDescriptor;
import ru.rusoragentai.spi.UsageReport;

/** A provider with a bug: every call throws. */
public class ThrowingProvider implements AiProvider {

    @Override
    public String providerId() {
        return "throwing";
    }

    @Override
    public String displayName() {
        return "Throwing";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of();
    }

    @Override
    public HealthResult checkHealth(PluginContext context) {
        throw new NullPointerException("bug in checkHealth");
    }

    @Override
    public List<ModelOffer> models(PluginContext context) {
        throw new NullPointerException("bug in models");
    }

    @Override
    public UsageReport fetchUsage(PluginContext context, LocalDate from, LocalDate until) {
        throw new NullPointerException("bug in fetchUsage");
    }
}

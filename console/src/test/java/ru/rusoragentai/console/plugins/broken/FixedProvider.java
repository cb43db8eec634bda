package ru.rusoragentai.console.plugins.broken;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.SettingDescriptor;
import ru.rusoragentai.spi.UsageReport;

/** A well-behaved provider for install/enable/disable tests: two fixed models, no remote calls. */
public class FixedProvider implements AiProvider {

    @Override
    public String providerId() {
        return "fixed";
    }

    @Override
    public String displayName() {
        return "Fixed test provider";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(SettingDescriptor.url("base-url", "Base URL").withDefault("http://127.0.0.1:9"),
                SettingDescriptor.secret("api-key", "API key").asRequired());
    }

    @Override
    public HealthResult checkHealth(PluginContext context) {
        return context.settings().secret("api-key").isPresent() ? HealthResult.healthy("key present")
                : HealthResult.unhealthy("no key");
    }

    @Override
    public List<ModelOffer> models(PluginContext context) {
        return List.of(ModelOffer.of("fixed-large", "Fixed Large").withPrice(new BigDecimal("2"), new BigDecimal("8")),
                ModelOffer.of("fixed-small", "Fixed Small"));
    }

    @Override
    public UsageReport fetchUsage(PluginContext context, LocalDate from, LocalDate until) {
        return UsageReport.reported(List.of(new UsageReport.Row(from, "fixed-large", 1000, 500, java.util.Optional.empty())));
    }
}

package com.example.console;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.HttpReply;
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.PluginCallException;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.PluginMessage;
import ru.rusoragentai.spi.SettingDescriptor;
import ru.rusoragentai.spi.UsageReport;

/** Example AI's models and health, from its {@code GET /v1/models}. */
@Extension
public class ExampleProvider implements AiProvider {

    private static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.url("base-url", "API base URL").withDefault("https://api.example.com"),
            SettingDescriptor.secret("api-key", "API key").asRequired().withHelp("From the vendor's console."));

    @Override
    public String providerId() {
        return "example"; // as usage events name the provider; unique among installed plugins
    }

    @Override
    public String displayName() {
        return "Example AI";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return SETTINGS;
    }

    @Override
    public HealthResult checkHealth(PluginContext context) {
        try {
            return HealthResult.healthy(PluginMessage.modelsAvailable(models(context).size()));
        } catch (PluginCallException e) {
            return HealthResult.unhealthy(e.said());
        }
    }

    @Override
    public List<ModelOffer> models(PluginContext context) {
        String key = context.settings().requireSecret("api-key").reveal();
        HttpReply reply = context.http().get("/v1/models", Map.of("Authorization", "Bearer " + key));
        if (reply.status() == 401 || reply.status() == 403) {
            throw new PluginCallException(PluginMessage.credentialsRefused("Example AI", reply.status()));
        }
        if (!reply.isSuccess()) {
            throw new PluginCallException(PluginMessage.httpStatus("Example AI", reply.status(), "/v1/models"));
        }
        try {
            Map<String, Object> body = JSON.std.mapFrom(reply.body());
            List<?> data = body.get("data") instanceof List<?> list ? list : List.of();
            return data.stream()
                    .filter(Map.class::isInstance)
                    .map(model -> String.valueOf(((Map<?, ?>) model).get("id")))
                    .map(id -> ModelOffer.of(id, id))
                    .toList();
        } catch (IOException e) {
            throw new PluginCallException(PluginMessage.unreadable("Example AI", "/v1/models", e.getMessage()));
        }
    }

    @Override
    public UsageReport fetchUsage(PluginContext context, LocalDate from, LocalDate until) {
        return UsageReport.unsupported("Example AI offers no usage API.");
    }
}

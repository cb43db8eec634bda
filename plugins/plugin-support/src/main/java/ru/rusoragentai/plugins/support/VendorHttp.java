package ru.rusoragentai.plugins.support;

import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.HttpReply;
import ru.rusoragentai.spi.PluginCallException;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.PluginMessage;

/** Calls a vendor's JSON API and turns its failures into messages an operator can act on. */
public final class VendorHttp {

    private VendorHttp() {
    }

    /**
     * GETs a JSON object.
     *
     * @throws PluginCallException on a non-2xx answer or a body that is not JSON; never with a secret in it
     */
    public static Map<String, Object> getJson(PluginContext context, String vendor, String pathAndQuery,
                                              Map<String, String> headers) {
        HttpReply reply = context.http().get(pathAndQuery, headers);
        if (reply.status() == 401 || reply.status() == 403) {
            throw new PluginCallException(PluginMessage.credentialsRefused(vendor, reply.status()));
        }
        if (!reply.isSuccess()) {
            throw new PluginCallException(PluginMessage.httpStatus(vendor, reply.status(), pathOnly(pathAndQuery)));
        }
        try {
            return Json.object(reply.body());
        } catch (Json.JsonException e) {
            throw new PluginCallException(PluginMessage.unreadable(vendor, pathOnly(pathAndQuery), e.getMessage()));
        }
    }

    /**
     * Runs a vendor's model list as a health check: an answer is healthy and says how many models it listed, a
     * {@link PluginCallException} unhealthy.
     */
    public static HealthResult health(Supplier<? extends Collection<?>> models) {
        try {
            return HealthResult.healthy(PluginMessage.modelsAvailable(models.get().size()));
        } catch (PluginCallException e) {
            return HealthResult.unhealthy(e.said());
        } catch (Json.JsonException e) {
            return HealthResult.unhealthy(PluginMessage.english(e.getMessage()));
        }
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }
}

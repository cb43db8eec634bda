package ru.rusoragentai.plugins.support;

import java.util.Map;
import java.util.function.Supplier;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.HttpReply;
import ru.rusoragentai.spi.PluginCallException;
import ru.rusoragentai.spi.PluginContext;

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
            throw new PluginCallException(vendor + " refused the credentials (HTTP " + reply.status() + ")");
        }
        if (!reply.isSuccess()) {
            throw new PluginCallException(vendor + " answered HTTP " + reply.status() + " to " + pathOnly(pathAndQuery));
        }
        try {
            return Json.object(reply.body());
        } catch (Json.JsonException e) {
            throw new PluginCallException(vendor + " sent an unreadable answer to " + pathOnly(pathAndQuery)
                    + ": " + e.getMessage());
        }
    }

    /** Runs a vendor call as a health check: success is healthy, a {@link PluginCallException} unhealthy. */
    public static HealthResult health(Supplier<String> call) {
        try {
            return HealthResult.healthy(call.get());
        } catch (PluginCallException | Json.JsonException e) {
            return HealthResult.unhealthy(e.getMessage());
        }
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }
}

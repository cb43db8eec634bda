package ru.rusoragentai.spi;

import java.util.Map;

/**
 * HTTP access for plugins, bound to the base URL the operator configured (a local stub in tests). Paths are
 * relative to that base and may carry a query string; the caller encodes query values.
 *
 * <p>Implementations apply a request timeout and a response size limit and are thread-safe.
 */
public interface PluginHttpClient {

    /**
     * Sends a GET.
     *
     * @param pathAndQuery for example {@code /v1/models?limit=100}
     * @param headers      request headers, may be empty
     * @return the response, whatever its status
     * @throws PluginCallException when no response arrives (connection refused, timeout, too large)
     */
    HttpReply get(String pathAndQuery, Map<String, String> headers);

    /**
     * Sends a POST with a body.
     *
     * @throws PluginCallException when no response arrives
     */
    HttpReply post(String pathAndQuery, Map<String, String> headers, String contentType, String body);
}

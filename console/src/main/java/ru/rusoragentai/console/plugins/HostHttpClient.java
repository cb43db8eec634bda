package ru.rusoragentai.console.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import ru.rusoragentai.spi.HttpReply;
import ru.rusoragentai.spi.PluginCallException;
import ru.rusoragentai.spi.PluginMessage;
import ru.rusoragentai.spi.PluginHttpClient;

/** The console's {@link PluginHttpClient}: one shared JDK client, a base URL per plugin, a timeout and a size cap. */
final class HostHttpClient implements PluginHttpClient {

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;
    private final long maxResponseBytes;

    HostHttpClient(HttpClient client, String baseUrl, Duration timeout, long maxResponseBytes) {
        this.client = client;
        this.baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public HttpReply get(String pathAndQuery, Map<String, String> headers) {
        return send(builder(pathAndQuery, headers).GET().build());
    }

    @Override
    public HttpReply post(String pathAndQuery, Map<String, String> headers, String contentType, String body) {
        return send(builder(pathAndQuery, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder builder(String pathAndQuery, Map<String, String> headers) {
        if (baseUrl == null) {
            throw new PluginCallException(PluginMessage.settingMissing("base-url"));
        }
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(timeout);
        } catch (IllegalArgumentException e) {
            throw new PluginCallException(PluginMessage.of("spi.http.bad-url", "Not a valid URL: {0} + path", baseUrl));
        }
        headers.forEach(builder::header);
        return builder;
    }

    private HttpReply send(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
                if (body.length > maxResponseBytes) {
                    throw new PluginCallException(PluginMessage.of("spi.http.too-large",
                            "Answer from {0} is over the size limit (bytes: {1})", request.uri().getHost(), maxResponseBytes));
                }
                return new HttpReply(response.statusCode(), response.headers().map(), new String(body, StandardCharsets.UTF_8));
            }
        } catch (HttpTimeoutException e) {
            throw new PluginCallException(PluginMessage.of("spi.http.timeout",
                    "No answer from {0} within {1} ms", request.uri().getHost(), timeout.toMillis()));
        } catch (IOException e) {
            throw new PluginCallException(PluginMessage.of("spi.http.unreachable",
                    "Cannot reach {0}: {1}", request.uri().getHost(), e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginCallException(PluginMessage.of("spi.http.interrupted",
                    "Interrupted while calling {0}", request.uri().getHost()));
        }
    }
}

package ru.rusoragentai.plugins.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import ru.rusoragentai.spi.HttpReply;
import ru.rusoragentai.spi.PluginCallException;
import ru.rusoragentai.spi.PluginHttpClient;

/** The testkit's {@link PluginHttpClient}: the JDK client bound to a base URL with a request timeout. */
final class JdkPluginHttpClient implements PluginHttpClient {

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;

    JdkPluginHttpClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
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
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(timeout);
        headers.forEach(builder::header);
        return builder;
    }

    private HttpReply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpReply(response.statusCode(), response.headers().map(), response.body());
        } catch (HttpTimeoutException e) {
            throw new PluginCallException("No answer from " + request.uri().getHost() + " within " + timeout, e);
        } catch (IOException e) {
            throw new PluginCallException("Cannot reach " + request.uri().getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginCallException("Interrupted", e);
        }
    }
}

package ru.rusoragentai.plugins.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server that answers like a vendor's API, for plugin tests. Register answers per method and
 * path; every request is recorded. Unregistered paths answer 404.
 *
 * <pre>{@code
 * try (var stub = StubHttpServer.start()) {
 *     stub.on("GET", "/v1/models", request -> StubHttpServer.json(200, "{\"data\":[]}"));
 *     ... point the plugin's base-url at stub.baseUrl() ...
 * }
 * }</pre>
 */
public final class StubHttpServer implements AutoCloseable {

    /** A request as the stub received it. */
    public record Request(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
                          String body) {

        /** A request header, by case-insensitive name, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        /** The token of an {@code Authorization: Bearer <token>} header, or null when the request has none. */
        public String bearer() {
            String authorization = header("Authorization");
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? authorization.substring(7).strip() : null;
        }
    }

    /** An answer: status, content type, body and an optional delay before it is sent. */
    public record Response(int status, String contentType, String body, Duration delay) {

        public Response delayedBy(Duration by) {
            return new Response(status, contentType, body, by);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Duration extraDelay = Duration.ZERO;

    private StubHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a stub on a free loopback port. */
    public static StubHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubHttpServer stub = new StubHttpServer(server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response json(int status, String body) {
        return new Response(status, "application/json", body, Duration.ZERO);
    }

    /** A UTF-8 test resource (a vendor's documented JSON), by absolute classpath path, e.g. {@code /vendor/models.json}. */
    public static String resource(String path) {
        try (java.io.InputStream in = StubHttpServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For example {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests with this method and path (no query) with the function's response. */
    public StubHttpServer on(String method, String path, Function<Request, Response> answer) {
        routes.put(method + " " + path, answer);
        return this;
    }

    /** Sends every answer this much later, to test timeouts. */
    public StubHttpServer delayEverything(Duration delay) {
        this.extraDelay = delay;
        return this;
    }

    /** Every request received so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Request request = new Request(exchange.getRequestMethod(), uri.getPath(), Queries.parse(uri.getRawQuery()),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Function<Request, Response> route = routes.get(request.method() + " " + request.path());
            Response response = route == null ? json(404, "{\"error\":\"no stub for " + request.path() + "\"}")
                    : route.apply(request);
            Duration delay = response.delay().plus(extraDelay);
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (for example a timeout test); nothing to answer
        }
    }
}

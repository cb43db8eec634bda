package ru.rusoragentai.plugins.gemini;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import ru.rusoragentai.plugins.testkit.StubHttpServer;

/** Answers like the Gemini API's models list, paged, checking the x-goog-api-key header. */
final class GeminiStub {

    private GeminiStub() {
    }

    static void models(StubHttpServer stub, String apiKey) {
        stub.on("GET", "/v1beta/models", request -> {
            if (!apiKey.equals(request.header("x-goog-api-key"))) {
                return StubHttpServer.json(400, "{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\"}}");
            }
            return StubHttpServer.json(200, resource(request.query().containsKey("pageToken")
                    ? "models-page-2.json" : "models-page-1.json"));
        });
    }

    private static String resource(String name) {
        try (InputStream in = GeminiStub.class.getResourceAsStream("/gemini/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

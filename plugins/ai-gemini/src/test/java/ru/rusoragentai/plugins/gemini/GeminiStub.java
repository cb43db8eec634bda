package ru.rusoragentai.plugins.gemini;

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

    static String resource(String name) {
        return StubHttpServer.resource("/gemini/" + name);
    }
}

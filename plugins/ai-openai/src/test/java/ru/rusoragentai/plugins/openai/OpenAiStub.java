package ru.rusoragentai.plugins.openai;

import ru.rusoragentai.plugins.testkit.StubHttpServer;

/** Answers like OpenAI's API with the documented JSON shapes, checking the bearer key. */
final class OpenAiStub {

    private OpenAiStub() {
    }

    static void models(StubHttpServer stub, String apiKey) {
        stub.on("GET", "/v1/models", request -> authorised(request, apiKey)
                ? StubHttpServer.json(200, resource("models.json"))
                : StubHttpServer.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));
    }

    static void reports(StubHttpServer stub, String adminKey) {
        stub.on("GET", "/v1/organization/usage/completions", request -> !authorised(request, adminKey)
                ? StubHttpServer.json(401, "{}")
                : StubHttpServer.json(200, resource(request.query().containsKey("page") ? "usage-page-2.json"
                        : "usage-page-1.json")));
        stub.on("GET", "/v1/organization/costs", request -> authorised(request, adminKey)
                ? StubHttpServer.json(200, resource("costs.json")) : StubHttpServer.json(401, "{}"));
    }

    private static boolean authorised(StubHttpServer.Request request, String key) {
        return ("Bearer " + key).equals(request.header("Authorization"));
    }

    static String resource(String name) {
        return StubHttpServer.resource("/openai/" + name);
    }
}

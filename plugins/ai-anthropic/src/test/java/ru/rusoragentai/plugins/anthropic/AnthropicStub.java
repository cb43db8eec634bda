package ru.rusoragentai.plugins.anthropic;

import ru.rusoragentai.plugins.testkit.StubHttpServer;

/** Answers like Anthropic's API with the documented JSON shapes, checking the key headers. */
final class AnthropicStub {

    private AnthropicStub() {
    }

    static void models(StubHttpServer stub, String apiKey) {
        stub.on("GET", "/v1/models", request -> authorised(request, apiKey)
                ? StubHttpServer.json(200, resource("models.json"))
                : StubHttpServer.json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\"}}"));
    }

    static void reports(StubHttpServer stub, String adminKey) {
        stub.on("GET", "/v1/organizations/usage_report/messages", request -> {
            if (!authorised(request, adminKey)) {
                return StubHttpServer.json(401, "{}");
            }
            return StubHttpServer.json(200, request.query().containsKey("page") ? resource("usage-page-2.json")
                    : resource("usage-page-1.json"));
        });
        stub.on("GET", "/v1/organizations/cost_report", request -> authorised(request, adminKey)
                ? StubHttpServer.json(200, resource("cost.json")) : StubHttpServer.json(401, "{}"));
    }

    private static boolean authorised(StubHttpServer.Request request, String key) {
        return key.equals(request.header("x-api-key")) && "2023-06-01".equals(request.header("anthropic-version"));
    }

    static String resource(String name) {
        return StubHttpServer.resource("/anthropic/" + name);
    }
}

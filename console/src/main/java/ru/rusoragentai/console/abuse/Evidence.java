package ru.rusoragentai.console.abuse;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A flag's evidence: what the detector saw, kept as JSON and read back as an ordered map for people. */
public final class Evidence {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Evidence() {
    }

    static String toJson(Map<String, Object> evidence) {
        return JSON.writeValueAsString(evidence);
    }

    static Map<String, Object> fromJson(String json) {
        if (json == null || json.isBlank() || !json.startsWith("{")) {
            return json == null || json.isBlank() ? Map.of() : Map.of("text", json);
        }
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }
}

package ru.rusoragentai.console.plugins;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A {@link SettingsChange} as JSON, for keeping it (encrypted) until it is approved. */
final class SettingsChangeJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Stored(Map<String, String> values, Map<String, String> newSecrets, Set<String> clearedSecrets) {
    }

    private SettingsChangeJson() {
    }

    static String write(SettingsChange change) {
        return JSON.writeValueAsString(new Stored(change.values(), change.newSecrets(), change.clearedSecrets()));
    }

    static SettingsChange read(String json) {
        Stored stored = JSON.readValue(json, new TypeReference<Stored>() { });
        return new SettingsChange(stored.values(), stored.newSecrets(), new HashSet<>(stored.clearedSecrets()));
    }
}

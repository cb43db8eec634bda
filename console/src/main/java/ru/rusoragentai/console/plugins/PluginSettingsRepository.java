package ru.rusoragentai.console.plugins;

import org.jspecify.annotations.Nullable;
import static ru.rusoragentai.db.Tables.PLUGIN_SETTING;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class PluginSettingsRepository {

    /** A stored setting: plain text, or the AES-GCM ciphertext of a secret. */
    record Stored(String name, @Nullable String text, @Nullable byte[] encrypted, boolean secret) {
    }

    private final DSLContext dsl;

    PluginSettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Map<String, Stored> load(String pluginId) {
        return dsl.select(PLUGIN_SETTING.NAME, PLUGIN_SETTING.VALUE_TEXT, PLUGIN_SETTING.VALUE_ENC, PLUGIN_SETTING.SECRET)
                .from(PLUGIN_SETTING).where(PLUGIN_SETTING.PLUGIN_ID.eq(pluginId))
                .fetch(r -> new Stored(r.value1(), r.value2(), r.value3(), r.value4()))
                .stream().collect(Collectors.toMap(Stored::name, s -> s));
    }

    void saveText(String pluginId, String name, String value, String actor, LocalDateTime now) {
        upsert(pluginId, name, value, null, false, actor, now);
    }

    void saveSecret(String pluginId, String name, byte[] encrypted, String actor, LocalDateTime now) {
        upsert(pluginId, name, null, encrypted, true, actor, now);
    }

    void delete(String pluginId, String name) {
        dsl.deleteFrom(PLUGIN_SETTING).where(PLUGIN_SETTING.PLUGIN_ID.eq(pluginId), PLUGIN_SETTING.NAME.eq(name)).execute();
    }

    private void upsert(String pluginId, String name, String text, byte[] encrypted, boolean secret, String actor,
                        LocalDateTime now) {
        dsl.insertInto(PLUGIN_SETTING)
                .set(PLUGIN_SETTING.PLUGIN_ID, pluginId)
                .set(PLUGIN_SETTING.NAME, name)
                .set(PLUGIN_SETTING.VALUE_TEXT, text)
                .set(PLUGIN_SETTING.VALUE_ENC, encrypted)
                .set(PLUGIN_SETTING.SECRET, secret)
                .set(PLUGIN_SETTING.UPDATED_BY, actor)
                .set(PLUGIN_SETTING.UPDATED_AT, now)
                .onDuplicateKeyUpdate()
                .set(PLUGIN_SETTING.VALUE_TEXT, text)
                .set(PLUGIN_SETTING.VALUE_ENC, encrypted)
                .set(PLUGIN_SETTING.SECRET, secret)
                .set(PLUGIN_SETTING.UPDATED_BY, actor)
                .set(PLUGIN_SETTING.UPDATED_AT, now)
                .execute();
    }
}

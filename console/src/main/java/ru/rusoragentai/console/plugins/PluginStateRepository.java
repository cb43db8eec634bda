package ru.rusoragentai.console.plugins;

import static ru.rusoragentai.db.Tables.PLUGIN_SETTING;
import static ru.rusoragentai.db.Tables.PLUGIN_STATE;

import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class PluginStateRepository {

    private final DSLContext dsl;

    PluginStateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A plugin nobody disabled is enabled. */
    boolean isEnabled(String pluginId) {
        Boolean enabled = dsl.select(PLUGIN_STATE.ENABLED).from(PLUGIN_STATE).where(PLUGIN_STATE.PLUGIN_ID.eq(pluginId))
                .fetchOne(PLUGIN_STATE.ENABLED);
        return enabled == null || enabled;
    }

    void setEnabled(String pluginId, boolean enabled, String actor, LocalDateTime now) {
        dsl.insertInto(PLUGIN_STATE)
                .set(PLUGIN_STATE.PLUGIN_ID, pluginId)
                .set(PLUGIN_STATE.ENABLED, enabled)
                .set(PLUGIN_STATE.UPDATED_BY, actor)
                .set(PLUGIN_STATE.UPDATED_AT, now)
                .onDuplicateKeyUpdate()
                .set(PLUGIN_STATE.ENABLED, enabled)
                .set(PLUGIN_STATE.UPDATED_BY, actor)
                .set(PLUGIN_STATE.UPDATED_AT, now)
                .execute();
    }

    /** Forgets an uninstalled plugin's state and settings (its secrets included). */
    void forget(String pluginId) {
        dsl.deleteFrom(PLUGIN_STATE).where(PLUGIN_STATE.PLUGIN_ID.eq(pluginId)).execute();
        dsl.deleteFrom(PLUGIN_SETTING).where(PLUGIN_SETTING.PLUGIN_ID.eq(pluginId)).execute();
    }
}

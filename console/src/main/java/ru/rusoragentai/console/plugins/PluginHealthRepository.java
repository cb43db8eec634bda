package ru.rusoragentai.console.plugins;

import static ru.rusoragentai.db.Tables.PLUGIN_HEALTH;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class PluginHealthRepository {

    private static final int MESSAGE_LENGTH = 500;

    private final DSLContext dsl;

    PluginHealthRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void save(PluginHealth health) {
        String message = health.message().length() > MESSAGE_LENGTH ? health.message().substring(0, MESSAGE_LENGTH) : health.message();
        dsl.insertInto(PLUGIN_HEALTH)
                .set(PLUGIN_HEALTH.PLUGIN_ID, health.pluginId()).set(PLUGIN_HEALTH.HEALTHY, health.healthy())
                .set(PLUGIN_HEALTH.MESSAGE, message).set(PLUGIN_HEALTH.CHECKED_AT, health.checkedAt())
                .onDuplicateKeyUpdate()
                .set(PLUGIN_HEALTH.HEALTHY, health.healthy()).set(PLUGIN_HEALTH.MESSAGE, message)
                .set(PLUGIN_HEALTH.CHECKED_AT, health.checkedAt())
                .execute();
    }

    Map<String, PluginHealth> all() {
        return dsl.selectFrom(PLUGIN_HEALTH)
                .fetch(r -> new PluginHealth(r.getPluginId(), r.getHealthy(), r.getMessage(), r.getCheckedAt()))
                .stream().collect(Collectors.toMap(PluginHealth::pluginId, h -> h));
    }
}

package ru.rusoragentai.console.plugins;

import static ru.rusoragentai.db.Tables.PLUGIN_HEALTH;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.console.i18n.TextJson;
import org.springframework.stereotype.Repository;

@Repository
class PluginHealthRepository {

    private static final int MESSAGE_LENGTH = 500;
    private static final int TEXT_LENGTH = 2000;

    private final DSLContext dsl;

    PluginHealthRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void save(PluginHealth health) {
        String message = abbreviate(health.message(), MESSAGE_LENGTH);
        String said = TextJson.write(health.said());
        String text = said.length() > TEXT_LENGTH ? TextJson.write(new Text("plugins.said", message)) : said;
        dsl.insertInto(PLUGIN_HEALTH)
                .set(PLUGIN_HEALTH.PLUGIN_ID, health.pluginId()).set(PLUGIN_HEALTH.HEALTHY, health.healthy())
                .set(PLUGIN_HEALTH.MESSAGE, message).set(PLUGIN_HEALTH.MESSAGE_TEXT, text)
                .set(PLUGIN_HEALTH.CHECKED_AT, health.checkedAt())
                .onDuplicateKeyUpdate()
                .set(PLUGIN_HEALTH.HEALTHY, health.healthy()).set(PLUGIN_HEALTH.MESSAGE, message)
                .set(PLUGIN_HEALTH.MESSAGE_TEXT, text).set(PLUGIN_HEALTH.CHECKED_AT, health.checkedAt())
                .execute();
    }

    private static String abbreviate(String text, int length) {
        return text.length() > length ? text.substring(0, length - 1) + "…" : text;
    }

    Map<String, PluginHealth> all() {
        return dsl.selectFrom(PLUGIN_HEALTH)
                .fetch(r -> new PluginHealth(r.getPluginId(), r.getHealthy(), r.getMessageText() == null
                        ? new Text("plugins.said", r.getMessage()) : TextJson.read(r.getMessageText()), r.getCheckedAt()))
                .stream().collect(Collectors.toMap(PluginHealth::pluginId, h -> h));
    }
}

package ru.rusoragentai.console.plugins;

import org.jspecify.annotations.Nullable;
import static ru.rusoragentai.db.Tables.PLUGIN_SETTING_CHANGE;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Settings changes of payment channels waiting for (or decided by) a second administrator. */
@Repository
class SettingsChangeRepository {

    record Stored(long id, String pluginId, byte[] changeEnc, @Nullable String summary, String status, String requestedBy) {
    }

    private final DSLContext dsl;

    SettingsChangeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(String pluginId, byte[] changeEnc, String summary, String actor, LocalDateTime now) {
        return dsl.insertInto(PLUGIN_SETTING_CHANGE)
                .set(PLUGIN_SETTING_CHANGE.PLUGIN_ID, pluginId)
                .set(PLUGIN_SETTING_CHANGE.CHANGE_ENC, changeEnc)
                .set(PLUGIN_SETTING_CHANGE.SUMMARY, summary.length() > 2000 ? summary.substring(0, 1999) + "…" : summary)
                .set(PLUGIN_SETTING_CHANGE.STATUS, "pending")
                .set(PLUGIN_SETTING_CHANGE.REQUESTED_BY, actor)
                .set(PLUGIN_SETTING_CHANGE.REQUESTED_AT, now)
                .returningResult(PLUGIN_SETTING_CHANGE.ID).fetchSingle().value1();
    }

    /** Marks the plugin's pending changes superseded by a newer one; returns how many. */
    int supersede(String pluginId, String actor, LocalDateTime now) {
        return dsl.update(PLUGIN_SETTING_CHANGE)
                .set(PLUGIN_SETTING_CHANGE.STATUS, "superseded")
                .set(PLUGIN_SETTING_CHANGE.DECIDED_BY, actor)
                .set(PLUGIN_SETTING_CHANGE.DECIDED_AT, now)
                .where(PLUGIN_SETTING_CHANGE.PLUGIN_ID.eq(pluginId), PLUGIN_SETTING_CHANGE.STATUS.eq("pending"))
                .execute();
    }

    Optional<Stored> lock(long id) {
        return dsl.selectFrom(PLUGIN_SETTING_CHANGE).where(PLUGIN_SETTING_CHANGE.ID.eq(id)).forUpdate()
                .fetchOptional(r -> new Stored(r.getId(), r.getPluginId(), r.getChangeEnc(), r.getSummary(), r.getStatus(),
                        r.getRequestedBy()));
    }

    void decide(long id, String status, String actor, LocalDateTime now) {
        dsl.update(PLUGIN_SETTING_CHANGE)
                .set(PLUGIN_SETTING_CHANGE.STATUS, status)
                .set(PLUGIN_SETTING_CHANGE.DECIDED_BY, actor)
                .set(PLUGIN_SETTING_CHANGE.DECIDED_AT, now)
                .where(PLUGIN_SETTING_CHANGE.ID.eq(id))
                .execute();
    }

    List<PendingSettingsChange> pending() {
        return dsl.selectFrom(PLUGIN_SETTING_CHANGE).where(PLUGIN_SETTING_CHANGE.STATUS.eq("pending"))
                .orderBy(PLUGIN_SETTING_CHANGE.REQUESTED_AT)
                .fetch(r -> new PendingSettingsChange(r.getId(), r.getPluginId(), r.getSummary(), r.getRequestedBy(),
                        r.getRequestedAt()));
    }

    /** The newest approved change of the plugin's settings, 0 when none was ever approved. */
    long latestApproved(String pluginId) {
        Long id = dsl.select(org.jooq.impl.DSL.max(PLUGIN_SETTING_CHANGE.ID)).from(PLUGIN_SETTING_CHANGE)
                .where(PLUGIN_SETTING_CHANGE.PLUGIN_ID.eq(pluginId), PLUGIN_SETTING_CHANGE.STATUS.eq("approved"))
                .fetchSingle().value1();
        return id == null ? 0 : id;
    }
}

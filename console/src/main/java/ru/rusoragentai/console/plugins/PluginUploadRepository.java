package ru.rusoragentai.console.plugins;

import static ru.rusoragentai.db.Tables.PLUGIN_UPLOAD;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Uploaded plugin jars that no trusted key signed, waiting for (or decided by) a second administrator. */
@Repository
class PluginUploadRepository {

    private final DSLContext dsl;

    PluginUploadRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(String sha256, String fileName, String pluginId, String version, String signer, String actor, LocalDateTime now) {
        return dsl.insertInto(PLUGIN_UPLOAD)
                .set(PLUGIN_UPLOAD.SHA256, sha256)
                .set(PLUGIN_UPLOAD.FILE_NAME, fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                .set(PLUGIN_UPLOAD.PLUGIN_ID, pluginId)
                .set(PLUGIN_UPLOAD.PLUGIN_VERSION, version == null ? "?" : version)
                .set(PLUGIN_UPLOAD.SIGNER, signer == null || signer.length() <= 255 ? signer : signer.substring(0, 255))
                .set(PLUGIN_UPLOAD.STATUS, "pending")
                .set(PLUGIN_UPLOAD.UPLOADED_BY, actor)
                .set(PLUGIN_UPLOAD.UPLOADED_AT, now)
                .returningResult(PLUGIN_UPLOAD.ID).fetchSingle().value1();
    }

    Optional<PendingUpload> lock(long id) {
        return dsl.selectFrom(PLUGIN_UPLOAD).where(PLUGIN_UPLOAD.ID.eq(id)).forUpdate().fetchOptional(PluginUploadRepository::upload);
    }

    boolean pendingFor(String pluginId) {
        return dsl.fetchExists(PLUGIN_UPLOAD, PLUGIN_UPLOAD.PLUGIN_ID.eq(pluginId).and(PLUGIN_UPLOAD.STATUS.eq("pending")));
    }

    List<PendingUpload> pending() {
        return dsl.selectFrom(PLUGIN_UPLOAD).where(PLUGIN_UPLOAD.STATUS.eq("pending")).orderBy(PLUGIN_UPLOAD.UPLOADED_AT)
                .fetch(PluginUploadRepository::upload);
    }

    void decide(long id, String status, String actor, LocalDateTime now) {
        dsl.update(PLUGIN_UPLOAD).set(PLUGIN_UPLOAD.STATUS, status).set(PLUGIN_UPLOAD.DECIDED_BY, actor)
                .set(PLUGIN_UPLOAD.DECIDED_AT, now).where(PLUGIN_UPLOAD.ID.eq(id)).execute();
    }

    private static PendingUpload upload(ru.rusoragentai.db.tables.records.PluginUploadRecord r) {
        return new PendingUpload(r.getId(), r.getPluginId(), r.getPluginVersion(), r.getFileName(), r.getSha256(), r.getSigner(),
                r.getStatus(), r.getUploadedBy(), r.getUploadedAt());
    }
}

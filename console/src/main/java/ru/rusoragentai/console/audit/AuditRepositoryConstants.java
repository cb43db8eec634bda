package ru.rusoragentai.console.audit;

final class AuditRepositoryConstants {

    /** The prev_hash of the first event, as seeded by the V2 migration. */
    static final String GENESIS_HASH = "0".repeat(64);

    private AuditRepositoryConstants() {
    }
}

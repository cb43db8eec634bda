package ru.rusoragentai.console.privacy.packages;

import static ru.rusoragentai.db.Tables.ABUSE_ACTION;
import static ru.rusoragentai.db.Tables.ABUSE_FLAG;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.CONVERSATION;
import static ru.rusoragentai.db.Tables.CONVERSATION_MESSAGE;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.PRIVACY_REQUEST;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;
import static ru.rusoragentai.db.Tables.USER_SESSION;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.console.privacy.SubjectRepository;

/**
 * Everything the platform's tables hold about one user, read for export packages (streamed). Who the subject is lives
 * in {@link SubjectRepository}; erasing the data is the erasure package's.
 */
@Repository
class SubjectDataRepository {

    private static final int FETCH_SIZE = 2_000;

    private final DSLContext dsl;

    SubjectDataRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Rough row count per category, for progress. */
    long usageEvents(long userId) {
        return dsl.selectCount().from(USAGE_EVENT).where(USAGE_EVENT.USER_ID.eq(userId)).fetchSingle().value1();
    }

    /**
     * Streams a category's rows for the user, in the category's column order; byte arrays are encrypted
     * conversation text for the caller to decrypt. Holds one connection until done.
     */
    void each(PackageCategory category, long userId, Consumer<Object[]> sink) {
        switch (category) {
            case ACCOUNT -> stream(dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL,
                    APP_USER.TELEGRAM_USER_ID, APP_USER.STATUS, APP_USER.CREATED_AT, APP_USER.LAST_SEEN_AT, APP_USER.BIRTH_YEAR,
                    APP_USER.PROCESSING_RESTRICTED, APP_USER.PROCESSING_OBJECTED).from(APP_USER).where(APP_USER.ID.eq(userId)), sink);
            case PREFERENCES -> stream(dsl.select(APP_USER.LOCALE, APP_USER.THEME, APP_USER.CONVERSATION_RETENTION_DAYS)
                    .from(APP_USER).where(APP_USER.ID.eq(userId)), sink);
            case SESSIONS -> stream(dsl.select(USER_SESSION.ID, USER_SESSION.STARTED_AT, USER_SESSION.ENDED_AT, USER_SESSION.IP,
                    USER_SESSION.USER_AGENT, USER_SESSION.DEVICE_TYPE, USER_SESSION.BROWSER, USER_SESSION.OS,
                    USER_SESSION.COUNTRY_CODE, USER_SESSION.REGION).from(USER_SESSION).where(USER_SESSION.USER_ID.eq(userId))
                    .orderBy(USER_SESSION.STARTED_AT), sink);
            case USAGE -> usage(userId, sink);
            case PAYMENTS -> stream(dsl.select(PAYMENT.ID, PAYMENT.CHANNEL, PAYMENT.EXTERNAL_ID, PAYMENT.AMOUNT_MINOR, PAYMENT.CURRENCY,
                    PAYMENT.TOKENS, PAYMENT.PRODUCT_ID, PAYMENT.STATUS, PAYMENT.PAID_AT).from(PAYMENT).where(PAYMENT.USER_ID.eq(userId))
                    .orderBy(PAYMENT.PAID_AT), sink);
            case LEDGER -> stream(dsl.select(TOKEN_LEDGER.ID, TOKEN_LEDGER.CREATED_AT, TOKEN_LEDGER.KIND, TOKEN_LEDGER.DELTA,
                    TOKEN_LEDGER.BALANCE_AFTER, TOKEN_LEDGER.REFERENCE, TOKEN_LEDGER.REASON).from(TOKEN_LEDGER)
                    .where(TOKEN_LEDGER.USER_ID.eq(userId)).orderBy(TOKEN_LEDGER.ID), sink);
            case CONVERSATIONS -> stream(dsl.select(CONVERSATION.ID, CONVERSATION.MODEL, CONVERSATION.TITLE_ENC, CONVERSATION_MESSAGE.ID,
                    CONVERSATION_MESSAGE.ROLE, CONVERSATION_MESSAGE.CONTENT_ENC, CONVERSATION_MESSAGE.TOKENS,
                    CONVERSATION_MESSAGE.CREATED_AT).from(CONVERSATION)
                    .leftJoin(CONVERSATION_MESSAGE).on(CONVERSATION_MESSAGE.CONVERSATION_ID.eq(CONVERSATION.ID))
                    .where(CONVERSATION.USER_ID.eq(userId)).orderBy(CONVERSATION.ID, CONVERSATION_MESSAGE.ID), sink);
            case PRIVACY_REQUESTS -> stream(dsl.select(PRIVACY_REQUEST.ID, PRIVACY_REQUEST.TYPE, PRIVACY_REQUEST.STATUS,
                    PRIVACY_REQUEST.CHANNEL, PRIVACY_REQUEST.RECEIVED_AT, PRIVACY_REQUEST.DUE_AT, PRIVACY_REQUEST.COMPLETED_AT,
                    PRIVACY_REQUEST.OUTCOME).from(PRIVACY_REQUEST).where(PRIVACY_REQUEST.USER_ID.eq(userId))
                    .orderBy(PRIVACY_REQUEST.ID), sink);
            case ABUSE -> stream(dsl.select(DSL.inline("flag"), ABUSE_FLAG.ID, ABUSE_FLAG.RULE_CODE, ABUSE_FLAG.STATUS, ABUSE_FLAG.CREATED_AT,
                            ABUSE_FLAG.RESOLVED_AT, ABUSE_FLAG.EVIDENCE).from(ABUSE_FLAG).where(ABUSE_FLAG.USER_ID.eq(userId))
                    .unionAll(DSL.select(DSL.inline("measure"), ABUSE_ACTION.ID, ABUSE_ACTION.KIND, ABUSE_ACTION.STATUS, ABUSE_ACTION.REQUESTED_AT,
                            DSL.coalesce(ABUSE_ACTION.REVERTED_AT, ABUSE_ACTION.DECIDED_AT), ABUSE_ACTION.REASON).from(ABUSE_ACTION)
                            .where(ABUSE_ACTION.USER_ID.eq(userId)))
                    .orderBy(DSL.field(DSL.name("created_at")), DSL.field(DSL.name("id"))), sink);
            case PLUGIN_DATA -> throw new IllegalArgumentException("plugin data comes from the plugins");
        }
    }

    private void stream(org.jooq.ResultQuery<? extends Record> query, Consumer<Object[]> sink) {
        try (Cursor<? extends Record> cursor = query.fetchSize(FETCH_SIZE).fetchLazy()) {
            for (Record record : cursor) {
                Object[] row = record.intoArray();
                for (int i = 0; i < row.length; i++) {
                    if (row[i] instanceof byte[] bytes && isIp(record.field(i))) {
                        row[i] = SubjectRepository.ipText(bytes);
                    }
                }
                sink.accept(row);
            }
        }
    }

    /**
     * The usage rows, up to millions for a heavy user: read straight from the JDBC result set with typed getters,
     * which costs a fraction of mapping each row to a jOOQ record first. Same values, in the same column order, as
     * {@link #stream} would give.
     */
    private void usage(long userId, Consumer<Object[]> sink) {
        try (ResultSet rows = dsl.select(USAGE_EVENT.ID, USAGE_EVENT.OCCURRED_AT, USAGE_EVENT.PROVIDER, USAGE_EVENT.MODEL,
                USAGE_EVENT.FEATURE, USAGE_EVENT.INPUT_TOKENS, USAGE_EVENT.OUTPUT_TOKENS, USAGE_EVENT.TOKENS_CHARGED,
                USAGE_EVENT.LATENCY_MS, USAGE_EVENT.STATUS, USAGE_EVENT.IP, USAGE_EVENT.SESSION_ID).from(USAGE_EVENT)
                .where(USAGE_EVENT.USER_ID.eq(userId)).fetchSize(FETCH_SIZE).fetchResultSet()) {
            while (rows.next()) {
                long sessionId = rows.getLong(12);
                Long session = rows.wasNull() ? null : sessionId;
                sink.accept(new Object[] {rows.getLong(1), rows.getObject(2, LocalDateTime.class), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getInt(6), rows.getInt(7), rows.getLong(8), rows.getInt(9),
                        rows.getString(10), SubjectRepository.ipText(rows.getBytes(11)), session});
            }
        } catch (SQLException e) {
            throw new DataAccessException("Reading the usage of user " + userId + " failed", e);
        }
    }

    private static boolean isIp(Field<?> field) {
        return field != null && field.getName().equals("ip");
    }
}

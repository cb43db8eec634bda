package ru.rusoragentai.console.privacy.erasure;

import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.Subject;
import static ru.rusoragentai.db.Tables.PRIVACY_RECIPIENT;
import static ru.rusoragentai.db.Tables.PRIVACY_REQUEST;
import static ru.rusoragentai.db.Tables.SUBJECT_KEY;
import static ru.rusoragentai.db.Tables.WEBHOOK_INBOX;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The subject's identifiers wherever free text may hold them: matching, redacting, and the residual scan's search of
 * every text and binary column. Matching is done by the database with one regular expression per subject (PCRE in
 * MariaDB), case-insensitive, on whole identifiers: {@code ann} does not match {@code announcement}.
 */
@Repository
class SubjectTextRepository {

    static final String REDACTED = "[erased with the data subject]";
    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "json");

    private final DSLContext dsl;

    SubjectTextRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The subject's identifiers as text: Telegram id, username, email, display name, IP addresses. */
    static List<String> identifiers(Subject subject) {
        Set<String> values = new LinkedHashSet<>();
        values.add(Long.toString(subject.telegramUserId()));
        for (String value : new String[] {subject.username(), subject.email(), subject.displayName()}) {
            if (value != null && value.strip().length() >= 3) {
                values.add(value.strip().toLowerCase(Locale.ROOT));
            }
        }
        values.addAll(subject.ips());
        return List.copyOf(values);
    }

    /** A PCRE pattern that matches any of the subject's identifiers as a whole word, for lower-cased text. */
    static String pattern(Subject subject) {
        List<String> quoted = new ArrayList<>();
        for (String identifier : identifiers(subject)) {
            quoted.add("\\Q" + identifier.replace("\\E", "") + "\\E");
        }
        return "(?<![\\p{L}\\p{N}_])(?:" + String.join("|", quoted) + ")(?![\\p{L}\\p{N}_])";
    }

    /** Deliveries that mention the subject anywhere (a rejected one has no user link): body, headers and outcome (both forms) go. */
    int redactWebhooksMentioning(Subject subject, int limit) {
        String pattern = pattern(subject);
        return dsl.update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.BODY, new byte[0])
                .set(WEBHOOK_INBOX.HEADERS, "")
                .set(WEBHOOK_INBOX.OUTCOME, REDACTED)
                .setNull(WEBHOOK_INBOX.OUTCOME_TEXT)
                .setNull(WEBHOOK_INBOX.USER_ID)
                .setNull(WEBHOOK_INBOX.TELEGRAM_USER_ID)
                .where(matches(WEBHOOK_INBOX.BODY, pattern).or(matches(WEBHOOK_INBOX.OUTCOME, pattern))
                        .or(matches(WEBHOOK_INBOX.OUTCOME_TEXT, pattern))
                        .or(matches(WEBHOOK_INBOX.HEADERS, pattern)))
                .limit(limit)
                .execute();
    }

    /**
     * The subject's privacy requests (linked by user, or naming one of their identifiers) keep their dates, type and
     * status, which the law needs, and lose what the subject told us: the reference becomes a neutral label and every
     * note that names them is replaced.
     */
    int pseudonymisePrivacyRequests(Subject subject) {
        String pattern = pattern(subject);
        Condition theirs = PRIVACY_REQUEST.USER_ID.eq(subject.userId()).or(matches(PRIVACY_REQUEST.SUBJECT_REFERENCE, pattern));
        int requests = dsl.update(PRIVACY_REQUEST)
                .set(PRIVACY_REQUEST.SUBJECT_REFERENCE, DSL.concat(DSL.val(PrivacyRequest.ERASED_SUBJECT),
                        PRIVACY_REQUEST.ID.cast(String.class)))
                .set(PRIVACY_REQUEST.INTAKE_NOTE, redactIfMatching(PRIVACY_REQUEST.INTAKE_NOTE, pattern))
                .set(PRIVACY_REQUEST.VERIFICATION_NOTE, redactIfMatching(PRIVACY_REQUEST.VERIFICATION_NOTE, pattern))
                .set(PRIVACY_REQUEST.EXTENDED_REASON, redactIfMatching(PRIVACY_REQUEST.EXTENDED_REASON, pattern))
                .set(PRIVACY_REQUEST.REJECTION_REASON, redactIfMatching(PRIVACY_REQUEST.REJECTION_REASON, pattern))
                .set(PRIVACY_REQUEST.OUTCOME, redactIfMatching(PRIVACY_REQUEST.OUTCOME, pattern))
                .where(theirs)
                .execute();
        int notes = dsl.update(PRIVACY_RECIPIENT).set(PRIVACY_RECIPIENT.NOTE, REDACTED)
                .where(matches(PRIVACY_RECIPIENT.NOTE, pattern)).execute();
        return requests + notes;
    }

    /** Destroys the key that seals the subject's personal details in the audit log. */
    int deleteSubjectKey(long userId) {
        return dsl.deleteFrom(SUBJECT_KEY).where(SUBJECT_KEY.USER_ID.eq(userId)).execute();
    }

    /**
     * Rows per column that still hold one of the subject's identifiers, over every text and binary column of every
     * table of the schema but the ones {@code notSearched} names (a whole table as {@code table}, one column as
     * {@code table.column}), one scan per table. Columns whose name ends in {@code _enc} hold ciphertext and are left
     * out too.
     */
    Map<String, Long> textHits(Subject subject, Set<String> notSearched) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        dsl.resultQuery("SELECT table_name, column_name, data_type FROM information_schema.columns "
                        + "WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position")
                .fetch().forEach(r -> {
                    String table = r.get(0, String.class).toLowerCase(Locale.ROOT);
                    String column = r.get(1, String.class).toLowerCase(Locale.ROOT);
                    if (TEXT_TYPES.contains(r.get(2, String.class).toLowerCase(Locale.ROOT)) && !notSearched.contains(table)
                            && !notSearched.contains(table + "." + column) && !column.endsWith("_enc")) {
                        columns.computeIfAbsent(table, t -> new ArrayList<>()).add(column);
                    }
                });
        String pattern = pattern(subject);
        Map<String, Long> hits = new LinkedHashMap<>();
        columns.forEach((table, names) -> {
            List<Field<?>> counts = new ArrayList<>();
            for (String name : names) {
                counts.add(DSL.sum(DSL.when(matches(DSL.field(DSL.name(name)), pattern), 1).else_(0)).as(name));
            }
            Record row = dsl.select(counts).from(DSL.table(DSL.name(table))).fetchOne();
            for (String name : names) {
                Number n = row == null ? null : (Number) row.get(name);
                hits.put(table + "." + name, n == null ? 0 : n.longValue());
            }
        });
        return hits;
    }

    private static Condition matches(Field<?> field, String pattern) {
        return DSL.condition("LOWER(CONVERT({0} USING utf8mb4)) REGEXP {1}", field, DSL.val(pattern));
    }

    private static Field<String> redactIfMatching(Field<String> field, String pattern) {
        return DSL.when(matches(field, pattern), DSL.val(REDACTED)).else_(field);
    }
}

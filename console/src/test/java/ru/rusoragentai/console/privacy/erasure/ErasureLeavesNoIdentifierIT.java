package ru.rusoragentai.console.privacy.erasure;

import ru.rusoragentai.console.privacy.SubjectFixture;
import ru.rusoragentai.console.privacy.VerificationMethod;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.NewPrivacyRequest;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.privacy.Jurisdiction;
import ru.rusoragentai.console.privacy.erasure.ErasureService;
import ru.rusoragentai.console.privacy.erasure.SubjectTextRepository;
import ru.rusoragentai.console.privacy.erasure.ResidualScan;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.STAFF_RECENT;
import static ru.rusoragentai.db.Tables.WEBHOOK_INBOX;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.audit.AuditEvent;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.tokens.TokenLedgerService;
import ru.rusoragentai.console.users.UserProfile;
import ru.rusoragentai.console.users.UserService;

/**
 * A subject who appears in every place free text can hold them (a correction in the audit log, a privacy request's
 * reference and note, a rejected webhook delivery and its outcome, staff searches by name and by prefix) is erased,
 * and then no text or binary column of any table holds one of their identifiers; the audit chain still verifies.
 */
class ErasureLeavesNoIdentifierIT extends DatabaseTest {

    @Autowired
    PrivacyRequestService requests;
    @Autowired
    ErasureService erasures;
    @Autowired
    TokenLedgerService ledger;
    @Autowired
    SecretCipher cipher;
    @Autowired
    UserService users;
    @Autowired
    AuditService audit;

    @Test
    void shouldLeaveNoIdentifierOfTheSubjectInAnyTextAfterErasure() throws Exception {
        String surname = "Резидуалова" + TestData.unique("").replaceAll("\\D", "");
        signInAs("admin-seed", Role.ADMIN);
        SubjectFixture subject = SubjectFixture.create(dsl, ledger, cipher, 5, 2, "Ольга Опечаткина");
        long user = subject.userId();
        String username = subject.user().username();
        String email = subject.user().email();
        long telegram = subject.user().telegramId();

        // a support correction: old and new names go into the audit log
        signInAs("agent-fix", Role.SUPPORT);
        UserProfile profile = users.profile(user);
        users.correct(user, profile.version(), username, "Ольга " + surname, email, "caller said her name is Ольга Опечаткина");
        // a rejected delivery that names the subject but links to no user, and an unmatched one's outcome
        LocalDateTime now = TestClock.now();
        dsl.insertInto(WEBHOOK_INBOX).set(WEBHOOK_INBOX.CHANNEL_ID, "pay-tribute").set(WEBHOOK_INBOX.RECEIVED_AT, now)
                .set(WEBHOOK_INBOX.HEADERS, "trbt-signature: forged").set(WEBHOOK_INBOX.BODY,
                        ("{\"telegram_user_id\": " + telegram + ", \"username\": \"" + username + "\", \"email\": \"" + email + "\"}")
                                .getBytes(StandardCharsets.UTF_8))
                .set(WEBHOOK_INBOX.STATUS, "rejected").set(WEBHOOK_INBOX.OUTCOME, "Signature does not match the body")
                .set(WEBHOOK_INBOX.UPDATED_AT, now).execute();
        dsl.insertInto(WEBHOOK_INBOX).set(WEBHOOK_INBOX.CHANNEL_ID, "pay-tribute").set(WEBHOOK_INBOX.RECEIVED_AT, now)
                .set(WEBHOOK_INBOX.HEADERS, "").set(WEBHOOK_INBOX.BODY, new byte[] {'{', '}'})
                .set(WEBHOOK_INBOX.STATUS, "unmatched").set(WEBHOOK_INBOX.OUTCOME, "No user with Telegram id " + telegram
                        + "; replay once they have signed up.")
                .set(WEBHOOK_INBOX.OUTCOME_TEXT, ru.rusoragentai.console.i18n.TextJson.write(
                        new ru.rusoragentai.console.i18n.Text("inbox.outcome.no-user", Long.toString(telegram))))
                .set(WEBHOOK_INBOX.UPDATED_AT, now).execute();
        // staff searches: the whole name, a surname prefix, the email
        for (String search : List.of("Ольга " + surname, surname.substring(0, 6), email.toUpperCase(Locale.ROOT))) {
            dsl.insertInto(STAFF_RECENT).set(STAFF_RECENT.STAFF, "agent-fix").set(STAFF_RECENT.KIND, "search")
                    .set(STAFF_RECENT.VALUE, search).set(STAFF_RECENT.USED_AT, now).execute();
        }

        // abuse monitoring: their own flag, score, snooze and ban; another account's flag that names and links them;
        // a case note that names them
        long other = TestData.insertUser(dsl, "Сосед По Сети");
        dsl.insertInto(ru.rusoragentai.db.Tables.ABUSE_FLAG).set(ru.rusoragentai.db.Tables.ABUSE_FLAG.USER_ID, user)
                .set(ru.rusoragentai.db.Tables.ABUSE_FLAG.RULE_CODE, "multi_account").set(ru.rusoragentai.db.Tables.ABUSE_FLAG.SUBJECT_KEY, "u:" + user)
                .set(ru.rusoragentai.db.Tables.ABUSE_FLAG.EPISODE, "ip:test").set(ru.rusoragentai.db.Tables.ABUSE_FLAG.EVIDENCE, "{\"linked\":[" + user + "," + other + "]}")
                .set(ru.rusoragentai.db.Tables.ABUSE_FLAG.STATUS, "new").set(ru.rusoragentai.db.Tables.ABUSE_FLAG.CREATED_AT, now).execute();
        long otherFlag = dsl.insertInto(ru.rusoragentai.db.Tables.ABUSE_FLAG).set(ru.rusoragentai.db.Tables.ABUSE_FLAG.USER_ID, other)
                .set(ru.rusoragentai.db.Tables.ABUSE_FLAG.RULE_CODE, "multi_account").set(ru.rusoragentai.db.Tables.ABUSE_FLAG.SUBJECT_KEY, "u:" + other)
                .set(ru.rusoragentai.db.Tables.ABUSE_FLAG.EPISODE, "ip:test").set(ru.rusoragentai.db.Tables.ABUSE_FLAG.EVIDENCE,
                        "{\"value\":\"shared with @" + username + "\",\"linked\":[" + user + "," + other + "]}")
                .set(ru.rusoragentai.db.Tables.ABUSE_FLAG.STATUS, "new").set(ru.rusoragentai.db.Tables.ABUSE_FLAG.CREATED_AT, now)
                .returningResult(ru.rusoragentai.db.Tables.ABUSE_FLAG.ID).fetchSingle().value1();
        long abuseCase = dsl.insertInto(ru.rusoragentai.db.Tables.ABUSE_CASE).set(ru.rusoragentai.db.Tables.ABUSE_CASE.CASE_KEY, TestData.unique("erasure-case-"))
                .set(ru.rusoragentai.db.Tables.ABUSE_CASE.RULE_CODE, "multi_account").set(ru.rusoragentai.db.Tables.ABUSE_CASE.CREATED_AT, now)
                .set(ru.rusoragentai.db.Tables.ABUSE_CASE.UPDATED_AT, now).returningResult(ru.rusoragentai.db.Tables.ABUSE_CASE.ID).fetchSingle().value1();
        dsl.insertInto(ru.rusoragentai.db.Tables.ABUSE_CASE_NOTE).set(ru.rusoragentai.db.Tables.ABUSE_CASE_NOTE.CASE_ID, abuseCase)
                .set(ru.rusoragentai.db.Tables.ABUSE_CASE_NOTE.AUTHOR, "operator").set(ru.rusoragentai.db.Tables.ABUSE_CASE_NOTE.BODY, "wrote from " + email)
                .set(ru.rusoragentai.db.Tables.ABUSE_CASE_NOTE.CREATED_AT, now).execute();
        dsl.insertInto(ru.rusoragentai.db.Tables.ABUSE_SCORE).set(ru.rusoragentai.db.Tables.ABUSE_SCORE.USER_ID, user)
                .set(ru.rusoragentai.db.Tables.ABUSE_SCORE.SCORE, 25).set(ru.rusoragentai.db.Tables.ABUSE_SCORE.BREAKDOWN, "{}")
                .set(ru.rusoragentai.db.Tables.ABUSE_SCORE.UPDATED_AT, now).execute();
        dsl.insertInto(ru.rusoragentai.db.Tables.ABUSE_SNOOZE).set(ru.rusoragentai.db.Tables.ABUSE_SNOOZE.RULE_CODE, "multi_account")
                .set(ru.rusoragentai.db.Tables.ABUSE_SNOOZE.USER_ID, user).set(ru.rusoragentai.db.Tables.ABUSE_SNOOZE.UNTIL_AT, now.plusDays(5))
                .set(ru.rusoragentai.db.Tables.ABUSE_SNOOZE.REASON, "known household").set(ru.rusoragentai.db.Tables.ABUSE_SNOOZE.CREATED_BY, "operator")
                .set(ru.rusoragentai.db.Tables.ABUSE_SNOOZE.CREATED_AT, now).execute();
        long ban = dsl.insertInto(ru.rusoragentai.db.Tables.ABUSE_ACTION).set(ru.rusoragentai.db.Tables.ABUSE_ACTION.REQUEST_KEY, TestData.unique("erasure-ban-"))
                .set(ru.rusoragentai.db.Tables.ABUSE_ACTION.USER_ID, user).set(ru.rusoragentai.db.Tables.ABUSE_ACTION.KIND, "ban")
                .set(ru.rusoragentai.db.Tables.ABUSE_ACTION.REASON, "ring").set(ru.rusoragentai.db.Tables.ABUSE_ACTION.STATUS, "applied")
                .set(ru.rusoragentai.db.Tables.ABUSE_ACTION.REQUESTED_BY, "operator").set(ru.rusoragentai.db.Tables.ABUSE_ACTION.REQUESTED_AT, now)
                .returningResult(ru.rusoragentai.db.Tables.ABUSE_ACTION.ID).fetchSingle().value1();
        dsl.insertInto(ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST).set(ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST.KIND, "telegram")
                .set(ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST.VALUE_HASH, new byte[32]).set(ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST.VALUE_TEXT, Long.toString(telegram))
                .set(ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST.USER_ID, user).set(ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST.ACTION_ID, ban)
                .set(ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST.CREATED_BY, "operator").set(ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST.CREATED_AT, now).execute();

        // the request names the subject, and its note repeats their email
        signInAs("officer-1", Role.PRIVACY_OFFICER);
        PrivacyRequest request = requests.create(new NewPrivacyRequest("@" + username, RequestType.DELETION, "email",
                Jurisdiction.GDPR, null, "asked from " + email));
        PrivacyRequest verified = requests.verifyIdentity(request.id(), request.version(), VerificationMethod.EMAIL_CONFIRMATION,
                "reply came from " + email);
        PrivacyRequest started = requests.startWork(verified.id(), verified.version());
        PrivacyRequest prepared = erasures.prepare(started.id(), started.version());
        signInAs("officer-2", Role.PRIVACY_OFFICER);
        erasures.approve(prepared.id(), prepared.version());

        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.COMPLETED);
        ResidualScan.Result scan = erasures.residualScan(request.id()).orElseThrow();
        assertThat(scan.clean()).as(scan.checks().toString()).isTrue();
        assertThat(scan.checks()).filteredOn(l -> !l.check().equals("audit_event.target_id")).allSatisfy(l -> assertThat(l.rows()).isZero());

        // an independent search of every text and binary column of every table, ciphertext and hashes aside
        List<String> identifiers = List.of(Long.toString(telegram), username.toLowerCase(Locale.ROOT), email.toLowerCase(Locale.ROOT),
                "ольга опечаткина", ("ольга " + surname).toLowerCase(Locale.ROOT), surname.toLowerCase(Locale.ROOT));
        assertThat(columnsHolding(identifiers)).isEmpty();
        // the other account keeps its flag without the subject; the ban's block entry keeps only its keyed hash
        assertThat(dsl.select(ru.rusoragentai.db.Tables.ABUSE_FLAG.EVIDENCE).from(ru.rusoragentai.db.Tables.ABUSE_FLAG)
                .where(ru.rusoragentai.db.Tables.ABUSE_FLAG.ID.eq(otherFlag)).fetchSingle().value1()).isEqualTo(
                "{\"value\":\"shared with @" + SubjectTextRepository.REDACTED + "\",\"linked\":[" + other + "]}");
        assertThat(dsl.select(ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST.VALUE_HASH).from(ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST)
                .where(ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST.ACTION_ID.eq(ban)).fetch()).hasSize(1);

        // the correction is still in the audit log, its personal part unreadable, and the chain verifies
        signInAs("admin", Role.ADMIN);
        List<AuditEvent> events = audit.forTarget("user", Long.toString(user), 0, 50);
        assertThat(events).filteredOn(e -> e.action().equals("user.corrected")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("changed display_name").contains("personal details erased"));
        assertThat(audit.verifyChain().intact()).isTrue();
        assertThat(requests.get(request.id()).subjectReference()).startsWith("erased data subject");
    }

    /** Every table.column (text or binary, not ciphertext or a hash) that holds one of the values, lower-cased. */
    private List<String> columnsHolding(List<String> identifiers) {
        List<String> found = new ArrayList<>();
        dsl.resultQuery("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                        + "AND data_type IN ('char','varchar','tinytext','text','mediumtext','longtext','binary','varbinary',"
                        + "'tinyblob','blob','mediumblob','longblob','json')")
                .fetch().forEach(r -> {
                    String table = r.get(0, String.class);
                    String column = r.get(1, String.class);
                    if (column.endsWith("_enc") || column.endsWith("hash") || column.equals("sha256")) {
                        return;
                    }
                    for (String identifier : identifiers) {
                        int rows = dsl.fetchCount(DSL.selectOne().from(DSL.table(DSL.name(table))).where(DSL.condition(
                                "LOCATE({0}, LOWER(CONVERT({1} USING utf8mb4))) > 0", DSL.val(identifier), DSL.field(DSL.name(column)))));
                        if (rows > 0) {
                            found.add(table + "." + column + " holds " + identifier);
                        }
                    }
                });
        return found;
    }
}

package ru.rusoragentai.console.privacy;

import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.STAFF_RECENT;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;
import static ru.rusoragentai.db.Tables.WEBHOOK_INBOX;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.SupportFixture;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.tokens.LedgerKind;
import ru.rusoragentai.console.tokens.LedgerRequest;
import ru.rusoragentai.console.tokens.TokenLedgerService;
import ru.rusoragentai.console.support.TestClock;

/**
 * A user with data in every table a privacy request touches: session and payment (from {@link SupportFixture}),
 * usage events spread over the last ten months (one partition each) and their roll-up, ledger entries with a balance, an encrypted conversation whose title looks like a
 * spreadsheet formula, a webhook delivery and a staff member's recent search. Sign in as ADMIN before creating.
 */
public record SubjectFixture(SupportFixture user, int usageEvents, int ledgerEntries, String formulaTitle) {

    public static SubjectFixture create(DSLContext dsl, TokenLedgerService ledger, SecretCipher cipher, int usageEvents, int ledgerEntries)
            throws Exception {
        return create(dsl, ledger, cipher, usageEvents, ledgerEntries, "Приватный Субъект");
    }

    public static SubjectFixture create(DSLContext dsl, TokenLedgerService ledger, SecretCipher cipher, int usageEvents, int ledgerEntries,
                                 String displayName) throws Exception {
        SupportFixture user = SupportFixture.create(dsl, displayName);
        LocalDateTime now = TestClock.now().withNano(0);
        PlatformRows rows = new PlatformRows(dsl);
        for (int i = 0; i < usageEvents; i++) {
            rows.usage(user.userId(), now.minusDays(7L * i).minusMinutes(i).plusNanos(i % 3 * 125_000_000L))
                    .session(i % 2 == 0 ? null : 7_000L + i).model("claude-sonnet-4").tokens(100 + i, 50).charged(150L + i)
                    .latency(900).ip(user.ip()).insert();
        }
        dsl.insertInto(USAGE_DAILY).set(USAGE_DAILY.USER_ID, user.userId()).set(USAGE_DAILY.DAY, now.toLocalDate())
                .set(USAGE_DAILY.PROVIDER, "anthropic").set(USAGE_DAILY.MODEL, "claude-sonnet-4").set(USAGE_DAILY.EVENTS, usageEvents)
                .set(USAGE_DAILY.INPUT_TOKENS, 100L * usageEvents).set(USAGE_DAILY.OUTPUT_TOKENS, 50L * usageEvents)
                .set(USAGE_DAILY.TOKENS_CHARGED, 150L * usageEvents).execute();
        for (int i = 0; i < ledgerEntries; i++) {
            ledger.apply(new LedgerRequest(user.userId(), i == 0 ? 1_000_000 : -(100 + i), i == 0 ? LedgerKind.PURCHASE : LedgerKind.USAGE,
                    null, "fixture", TestData.unique("privacy-fixture-"), false));
        }
        String formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        long conversation = rows.conversation(user.userId(), "claude-sonnet-4", now, cipher.encryptString(formula));
        for (String[] message : new String[][] {{"user", "Привет, как дела?"}, {"assistant", "+7 (999) 000-00-00 is not a formula"}}) {
            rows.message(conversation, message[0], cipher.encryptString(message[1]), 12, now);
        }
        dsl.insertInto(WEBHOOK_INBOX).set(WEBHOOK_INBOX.CHANNEL_ID, "pay-tribute").set(WEBHOOK_INBOX.RECEIVED_AT, now)
                .set(WEBHOOK_INBOX.HEADERS, "trbt-signature: x").set(WEBHOOK_INBOX.BODY,
                        ("{\"telegram_user_id\":" + user.telegramId() + "}").getBytes(StandardCharsets.UTF_8))
                .set(WEBHOOK_INBOX.STATUS, "applied").set(WEBHOOK_INBOX.OUTCOME, "applied").set(WEBHOOK_INBOX.EXTERNAL_ID, user.paymentId())
                .set(WEBHOOK_INBOX.TELEGRAM_USER_ID, user.telegramId()).set(WEBHOOK_INBOX.USER_ID, user.userId())
                .set(WEBHOOK_INBOX.UPDATED_AT, now).execute();
        dsl.insertInto(STAFF_RECENT).set(STAFF_RECENT.STAFF, "agent-x").set(STAFF_RECENT.KIND, "search")
                .set(STAFF_RECENT.VALUE, "@" + user.username()).set(STAFF_RECENT.USED_AT, now).execute();
        return new SubjectFixture(user, usageEvents, ledgerEntries, formula);
    }

    public long userId() {
        return user.userId();
    }

    /** A request for this subject, verified and in progress, as an officer leaves it before building or erasing. */
    public PrivacyRequest inProgress(PrivacyRequestService requests, RequestType type) {
        PrivacyRequest request = requests.create(new NewPrivacyRequest("@" + user.username(), type, "email",
                Jurisdiction.GDPR, null, null));
        PrivacyRequest verified = requests.verifyIdentity(request.id(), request.version(), VerificationMethod.EMAIL_CONFIRMATION, null);
        return requests.startWork(verified.id(), verified.version());
    }

    /** The audit actions recorded on a privacy request, oldest first. */
    public static List<String> auditActions(DSLContext dsl, long requestId) {
        return dsl.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.TARGET_TYPE.eq("privacy_request"), AUDIT_EVENT.TARGET_ID.eq(Long.toString(requestId)))
                .orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ACTION);
    }
}

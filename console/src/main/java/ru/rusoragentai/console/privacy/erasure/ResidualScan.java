package ru.rusoragentai.console.privacy.erasure;

import org.jspecify.annotations.Nullable;
import ru.rusoragentai.console.privacy.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last step of an erasure: every table of the schema is looked at for the subject's identifiers (user id,
 * Telegram id, username, email, IP addresses). Tables that can hold them have checks; a check either must find
 * nothing (residue) or names the legal reason the rows are kept. Tables that hold no user data say so. The result
 * is stored on the request as proof. A test keeps this list in step with the schema.
 */
public final class ResidualScan {

    /** One lookup; {@code keptBecause} is null when any hit is residue. */
    record Check(String table, String column, @Nullable String identifier, @Nullable String keptBecause) {
        String id() {
            return table + "." + column;
        }
    }

    /** A check's outcome. */
    public record Line(String check, @Nullable String identifier, long rows, String verdict) {
    }

    /**
     * The stored proof.
     *
     * @param notSearched tables and columns the text search leaves out, and why (null in proofs written before it)
     */
    public record Result(boolean clean, List<Line> checks, Map<String, String> tablesWithoutUserData,
                         Map<String, String> notSearched) {
    }

    static final String TEXT_IDENTIFIERS = "Telegram id, username, email, display name or IP address in text";

    /**
     * What the search of every text and binary column for the subject's identifiers leaves out, and why. Columns whose
     * name ends in {@code _enc} hold ciphertext and are never searched.
     */
    static final Map<String, String> NOT_SEARCHED = Map.ofEntries(
            Map.entry("app_user", "each row is its own user's; the subject's row is checked by id above"),
            Map.entry("staff_account", "staff members, not users; a staff member may share a user's name"),
            Map.entry("usage_event", "machine values of each event's own user (provider, model, feature, status); the subject's rows are checked by id"),
            Map.entry("usage_daily", "machine values of each row's own user; the subject's rows are checked by id"),
            Map.entry("report_usage_day", "machine values (provider, model, feature, country) and bitmaps of user ids, no text"),
            Map.entry("report_user_day", "bitmaps of user ids, no text"),
            Map.entry("report_usage_users_day", "machine values (provider, model, feature, country) and bitmaps of user ids, no text"),
            Map.entry("user_session", "device descriptions of each session's own user; the subject's sessions are checked by id and address"),
            Map.entry("token_ledger", "machine references; a staff reason repeats its token_adjustment.comment, which is searched"),
            Map.entry("payment.raw_event", "each verified event describes its own payer; the subject's are cleared (payment.user_id above)"),
            Map.entry("audit_event.hash", "hashes"),
            Map.entry("abuse_blocklist.value_hash", "keyed hashes of blocked identifiers, kept so a ban outlives the account"),
            Map.entry("audit_event.prev_hash", "hashes"),
            Map.entry("audit_chain_head", "hashes"),
            Map.entry("staff_account.password_hash", "hashes"),
            Map.entry("scheduled_tasks", "scheduler state"),
            Map.entry("flyway_schema_history", "schema versions"));

    /** Text hits that may remain, and why. */
    static final Map<String, String> TEXT_KEPT = Map.of(
            "audit_event.details", "kept: written before personal details were sealed under the subject's key; the "
                    + "tamper-evident audit log must not be rewritten (GDPR Art. 5(2), 17(3)(e))",
            "payment.external_id", "kept: the channel's own payment reference (Tribute's subscription references include "
                    + "the Telegram id), needed to match the pseudonymised payment record the law requires us to keep",
            "webhook_inbox.external_id", "kept: the same payment reference on the redacted delivery, to match the kept payment");

    static final List<Check> CHECKS = List.of(
            new Check("app_user", "id", "user id", null),
            new Check("app_user", "telegram_user_id", "Telegram id", null),
            new Check("app_user", "username", "username", null),
            new Check("app_user", "email", "email", null),
            new Check("user_session", "user_id", "user id", null),
            new Check("user_session", "ip", "IP addresses", null),
            new Check("usage_event", "user_id", "user id", null),
            new Check("usage_event", "ip", "IP addresses", null),
            new Check("usage_daily", "user_id", "user id", null),
            new Check("payment", "user_id", "user id", null),
            new Check("conversation", "user_id", "user id", null),
            new Check("token_ledger", "user_id", "user id", null),
            new Check("token_balance", "user_id", "user id", null),
            new Check("token_adjustment", "user_id", "user id", null),
            new Check("abuse_flag", "user_id", "user id", null),
            new Check("abuse_snooze", "user_id", "user id", null),
            new Check("abuse_score", "user_id", "user id", null),
            new Check("abuse_action", "user_id", "user id", null),
            new Check("abuse_blocklist", "user_id", "user id", null),
            new Check("staff_recent", "value", "any identifier", null),
            new Check("webhook_inbox", "user_id", "user id", null),
            new Check("webhook_inbox", "telegram_user_id", "Telegram id", null),
            new Check("privacy_request", "user_id", "user id", null),
            new Check("subject_key", "user_id", "user id", null),
            new Check("audit_event", "target_id", "user id",
                    "kept: the tamper-evident staff audit log is needed to prove how the data was handled (GDPR Art. 5(2), 17(3)(e))"));

    /** Tables that by design hold no identifiers of platform users, and why. */
    static final Map<String, String> NO_USER_DATA = Map.ofEntries(
            Map.entry("conversation_message", "messages belong to a conversation; none are left once the conversations are gone"),
            Map.entry("privacy_task", "work items of requests; results carry counts only"),
            Map.entry("report_usage_day", "analysts' aggregates per day; the users bitmap of each of the subject's days is rebuilt"
                    + " without them in the account step, before this scan"),
            Map.entry("report_usage_users_day", "analysts' users per day and provider, model, feature or country; each of the"
                    + " subject's days is rebuilt without them in the account step, before this scan"),
            Map.entry("report_user_day", "analysts' sign-up, activity and payer bitmaps per day; each of the subject's days is"
                    + " rebuilt without them in the account step, before this scan"),
            Map.entry("report_cohort_revenue_day", "analysts' revenue per day, sign-up day and currency, no user"),
            Map.entry("report_dirty_day", "days to rebuild, no user"),
            Map.entry("report_export", "analysts' export jobs: staff, filters (provider, model, feature, country) and counts; the"
                    + " files hold pseudonyms only"),
            Map.entry("saved_report", "analysts' saved filters, no user"),
            Map.entry("report_revenue_day", "analysts' payment totals per day, channel, token pack and currency, no user"),
            Map.entry("report_ledger_day", "analysts' token totals per day and ledger kind, no user"),
            Map.entry("privacy_recipient", "names of recipients per request"),
            Map.entry("export_file", "package files; the subject's packages are deleted and marked so"),
            Map.entry("bulk_adjustment_batch", "file hashes and totals of staff uploads"),
            Map.entry("staff_account", "staff members, not users"),
            Map.entry("staff_role", "staff roles"),
            Map.entry("audit_chain_head", "hash chain heads"),
            Map.entry("abuse_rule", "rule definitions"),
            Map.entry("abuse_rule_param", "rule parameters"),
            Map.entry("abuse_case", "groups of flags; the flags carry the users and are checked above"),
            Map.entry("abuse_case_note", "staff notes on cases; notes naming the subject are redacted and searched as text"),
            Map.entry("plugin_setting", "plugin configuration"),
            Map.entry("plugin_setting_change", "plugin configuration waiting for approval"),
            Map.entry("plugin_upload", "uploaded plugin files and their approvals"),
            Map.entry("plugin_state", "plugin configuration"),
            Map.entry("plugin_health", "each plugin's last health answer"),
            Map.entry("model_catalogue", "models each provider last listed"),
            Map.entry("model_price", "price list"),
            Map.entry("model_route", "routing rules"),
            Map.entry("reconciliation_diff", "provider totals per day and model"),
            Map.entry("job_run", "job history"),
            Map.entry("scheduled_tasks", "scheduler state"),
            Map.entry("flyway_schema_history", "schema versions"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResidualScan() {
    }

    static Result run(Subject subject, ResidualScanRepository data, SubjectTextRepository text) {
        List<Line> lines = new ArrayList<>();
        boolean clean = true;
        for (Check check : CHECKS) {
            long rows = data.count(check, subject);
            String verdict = rows == 0 ? "none" : check.keptBecause() == null ? "RESIDUE" : check.keptBecause();
            clean &= rows == 0 || check.keptBecause() != null;
            lines.add(new Line(check.id(), check.identifier(), rows, verdict));
        }
        for (Map.Entry<String, Long> hit : text.textHits(subject, NOT_SEARCHED.keySet()).entrySet()) {
            if (hit.getValue() == 0) {
                continue;
            }
            String kept = TEXT_KEPT.get(hit.getKey());
            clean &= kept != null;
            lines.add(new Line(hit.getKey(), TEXT_IDENTIFIERS, hit.getValue(), kept == null ? "RESIDUE" : kept));
        }
        lines.add(new Line("every other text and binary column", TEXT_IDENTIFIERS, 0, "none"));
        return new Result(clean, lines, new java.util.TreeMap<>(NO_USER_DATA), new java.util.TreeMap<>(NOT_SEARCHED));
    }

    static String toJson(Result result) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result);
    }

    static Result fromJson(String json) {
        return JSON.readValue(json, Result.class);
    }
}

package ru.rusoragentai.console.privacy.packages;

import java.util.List;

/**
 * The categories of personal data the privacy policy lists, as they appear in an access or portability package:
 * a sheet, a CSV file and a JSON array each, with the same columns. Purpose, retention and recipients go on the
 * workbook's cover sheet. Keep in step with docs/privacy-package.schema.json.
 */
public enum PackageCategory {
    ACCOUNT("account", "Your account: who you are on the platform and its status.",
            "While the account exists.", "none",
            List.of("user_id", "username", "display_name", "email", "telegram_user_id", "status", "created_at", "last_seen_at",
                    "birth_year", "processing_restricted", "processing_objected")),
    PREFERENCES("preferences", "Settings you chose: language, theme, how long conversations are kept.",
            "While the account exists.", "none",
            List.of("locale", "theme", "conversation_retention_days")),
    SESSIONS("sessions_and_devices", "Sign-ins, devices and IP addresses with general location, for security and abuse prevention.",
            "While the account exists.", "none",
            List.of("session_id", "started_at", "ended_at", "ip", "user_agent", "device_type", "browser", "os", "country_code", "region")),
    USAGE("usage", "Each AI request: model, tokens and timing, for billing and limits.",
            "12 months, then deleted.", "Anthropic, OpenAI, Google (the model you chose)",
            List.of("event_id", "occurred_at", "provider", "model", "feature", "input_tokens", "output_tokens", "tokens_charged",
                    "latency_ms", "status", "ip", "session_id")),
    PAYMENTS("payments", "Token packs you bought and refunds, for accounting.",
            "As tax and accounting law requires; unlinked from you on deletion.", "Tribute",
            List.of("payment_id", "channel", "external_id", "amount_minor", "currency", "tokens", "product_id", "status", "paid_at")),
    LEDGER("token_ledger", "Every change to your token balance and why.",
            "While the account exists.", "none",
            List.of("entry_id", "created_at", "kind", "delta", "balance_after", "reference", "reason")),
    CONVERSATIONS("conversations", "Your conversations with the models, message by message.",
            "As set in your account (conversation history setting).", "Anthropic, OpenAI, Google (the model you chose)",
            List.of("conversation_id", "model", "title", "message_id", "role", "content", "tokens", "created_at")),
    PRIVACY_REQUESTS("privacy_requests", "Requests you made about your data and how they were answered.",
            "As long as needed to show we answered them.", "none",
            List.of("request_id", "type", "status", "channel", "received_at", "due", "completed_at", "outcome")),
    ABUSE("abuse_monitoring", "What abuse monitoring noticed about your account (flags with their evidence) and the measures taken, to keep the platform free of fraud and misuse.",
            "Decided flags 12 months; a ban's block entry as a keyed hash while the ban lasts.", "none",
            List.of("record_type", "record_id", "rule_or_measure", "status", "created_at", "decided_at", "details")),
    PLUGIN_DATA("external_systems", "Data held for us by connected systems (plugins with a privacy connector).",
            "As the system's own policy, deleted with your account.", "the system named in each row",
            List.of("system", "category", "data"));

    private final String key;
    private final String purpose;
    private final String retention;
    private final String recipients;
    private final List<String> columns;

    PackageCategory(String key, String purpose, String retention, String recipients, List<String> columns) {
        this.key = key;
        this.purpose = purpose;
        this.retention = retention;
        this.recipients = recipients;
        this.columns = columns;
    }

    /** File, sheet and JSON property name. */
    public String key() {
        return key;
    }

    public String purpose() {
        return purpose;
    }

    public String retention() {
        return retention;
    }

    public String recipients() {
        return recipients;
    }

    public List<String> columns() {
        return columns;
    }
}

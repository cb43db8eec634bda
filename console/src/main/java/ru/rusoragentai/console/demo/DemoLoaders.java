package ru.rusoragentai.console.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One bulk inserter per demo table, flushed in foreign-key order. */
final class DemoLoaders implements AutoCloseable {

    final BulkInserter users;
    final BulkInserter sessions;
    final BulkInserter events;
    final BulkInserter payments;
    final BulkInserter ledger;
    final BulkInserter balances;
    final BulkInserter conversations;
    final BulkInserter messages;
    final BulkInserter adjustments;

    DemoLoaders(Connection c, int rowsPerStatement) {
        users = new BulkInserter(c, "app_user", List.of("id", "username", "display_name", "email", "telegram_user_id",
                "status", "created_at", "last_seen_at", "conversation_retention_days", "locale", "theme", "birth_year",
                "possible_minor", "processing_restricted", "processing_objected", "version", "referred_by"), rowsPerStatement);
        sessions = new BulkInserter(c, "user_session", List.of("id", "user_id", "started_at", "ended_at", "ip",
                "user_agent", "device_type", "browser", "os", "country_code", "region"), rowsPerStatement);
        events = new BulkInserter(c, "usage_event", List.of("occurred_at", "user_id", "session_id", "provider", "model",
                "feature", "input_tokens", "output_tokens", "tokens_charged", "latency_ms", "status", "ip"), 2_000);
        payments = new BulkInserter(c, "payment", List.of("id", "channel", "external_id", "user_id", "subject_pseudonym",
                "amount_minor", "currency", "tokens", "product_id", "status", "paid_at", "created_at", "updated_at",
                "raw_event"), rowsPerStatement);
        ledger = new BulkInserter(c, "token_ledger", List.of("id", "user_id", "delta", "balance_after", "kind",
                "reference", "actor", "reason", "idempotency_key", "created_at"), rowsPerStatement);
        balances = new BulkInserter(c, "token_balance", List.of("user_id", "balance", "updated_at"), rowsPerStatement);
        conversations = new BulkInserter(c, "conversation", List.of("id", "user_id", "model", "title_enc", "created_at",
                "updated_at"), rowsPerStatement);
        messages = new BulkInserter(c, "conversation_message", List.of("conversation_id", "role", "content_enc", "tokens",
                "created_at"), rowsPerStatement);
        adjustments = new BulkInserter(c, "token_adjustment", List.of("user_id", "delta", "reason_code", "comment",
                "requested_by", "requested_at", "status", "ledger_entry_id"), rowsPerStatement);
    }

    void flushAll() throws SQLException {
        for (BulkInserter inserter : List.of(users, sessions, events, payments, ledger, balances, conversations, messages, adjustments)) {
            inserter.flush();
        }
    }

    @Override
    public void close() throws SQLException {
        flushAll();
    }
}

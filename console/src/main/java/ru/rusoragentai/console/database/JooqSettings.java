package ru.rusoragentai.console.database;

import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Database session defaults for the whole console. Transactions run at READ COMMITTED (set on the pool, so no
 * per-transaction SET statements): every writer that needs serialising takes explicit row locks, and reads see
 * what others committed. jOOQ does not ask the server for warnings after each statement (one round trip less
 * per INSERT IGNORE).
 */
@Configuration
public class JooqSettings {

    /** The pool's default isolation, also in application.properties for an external database. */
    public static final String ISOLATION = "TRANSACTION_READ_COMMITTED";

    @Bean
    DefaultConfigurationCustomizer consoleJooqSettings() {
        return configuration -> configuration.settings().withFetchWarnings(false);
    }
}

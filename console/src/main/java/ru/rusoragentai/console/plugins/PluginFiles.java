package ru.rusoragentai.console.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.pf4j.PluginDescriptor;
import org.springframework.stereotype.Component;

/**
 * The plugins directory: validates an uploaded file before anything loads it, and places or removes jars.
 * An upload is written to a temporary sub-directory (which the start-up scan ignores), inspected, and only then
 * moved to {@code <plugin id>.jar}, or set aside in {@code .pending/} until it is approved.
 */
@Component
class PluginFiles {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MAX_ENTRIES = 10_000;
    private static final long MAX_EXPANDED = 200L * 1024 * 1024;

    private final PluginProperties properties;
    private final PluginHost host;

    PluginFiles(PluginProperties properties, PluginHost host) {
        this.properties = properties;
        this.host = host;
    }

    /** An upload written to a private temporary directory and inspected; {@link #close} removes what is left. */
    record Staged(Path file, Path dir, PluginDescriptor descriptor, String sha256) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Checks an upload (size, archive, manifest, SPI, a new id) and writes it where the start-up scan does not look.
     *
     * @throws PluginException when it is refused; nothing is left behind then
     */
    Staged stage(byte[] content) {
        if (content.length > properties.maxUploadSize().toBytes()) {
            throw new PluginException("plugins.error.too-large", properties.maxUploadSize().toMegabytes());
        }
        checkArchive(content);
        Path dir = properties.dir().toAbsolutePath();
        Path tempDir = null;
        Path temp = null;
        try {
            Files.createDirectories(dir);
            tempDir = Files.createTempDirectory(dir, ".upload-");
            temp = tempDir.resolve("upload.jar");
            Files.write(temp, content);
            PluginDescriptor descriptor = host.inspect(temp);
            checkNew(descriptor.getPluginId());
            return new Staged(temp, tempDir, descriptor, sha256(content));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            deleteQuietly(tempDir);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Moves a staged upload into the plugins directory as {@code <plugin id>.jar}; returns that path. */
    Path place(Staged staged) {
        try {
            Path target = target(staged.descriptor().getPluginId());
            return Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a staged upload aside until it is approved: {@code .pending/<upload id>.jar}, never scanned. */
    void quarantine(Staged staged, long uploadId) {
        try {
            Files.createDirectories(pendingDir());
            Files.move(staged.file(), pendingDir().resolve(uploadId + ".jar"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves an approved upload into the plugins directory, after checking it is still the file that was approved.
     *
     * @throws PluginException when the file is gone or changed, or its plugin id is taken by now
     */
    Path release(long uploadId, String pluginId, String sha256) {
        Path file = pendingDir().resolve(uploadId + ".jar");
        try {
            if (!Files.exists(file)) {
                throw new PluginException("plugins.error.upload-gone", uploadId);
            }
            if (!sha256(Files.readAllBytes(file)).equals(sha256)) {
                throw new PluginException("plugins.error.upload-changed", uploadId);
            }
            checkNew(pluginId);
            return Files.move(file, target(pluginId), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a set-aside upload (rejected). */
    void discard(long uploadId) {
        deleteQuietly(pendingDir().resolve(uploadId + ".jar"));
    }

    private void checkNew(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new PluginException("plugins.error.plugin-id", id);
        }
        if (host.plugin(id).isPresent()) {
            throw new PluginException("plugins.error.installed", id);
        }
        if (Files.exists(target(id))) {
            throw new PluginException("plugins.error.file-exists", id);
        }
    }

    private Path target(String id) {
        return properties.dir().toAbsolutePath().resolve(id + ".jar");
    }

    private Path pendingDir() {
        return properties.dir().toAbsolutePath().resolve(".pending");
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(PluginFiles.class).warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long maxUploadBytes() {
        return properties.maxUploadSize().toBytes();
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new PluginException(e, "plugins.error.cannot-delete", file.getFileName(), e.getMessage());
        }
    }

    /** A jar is a zip: refuse anything else, and zip bombs, before PF4J opens it. */
    private static void checkArchive(byte[] content) {
        int entries = 0;
        long expanded = 0;
        boolean manifest = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            byte[] buffer = new byte[8192];
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new PluginException("plugins.error.entries", MAX_ENTRIES);
                }
                manifest |= entry.getName().equals("META-INF/MANIFEST.MF");
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    expanded += read;
                    if (expanded > MAX_EXPANDED) {
                        throw new PluginException("plugins.error.expands");
                    }
                }
            }
        } catch (IOException e) {
            throw new PluginException(e, "plugins.error.not-jar.why", e.getMessage());
        }
        if (entries == 0) {
            throw new PluginException("plugins.error.not-jar");
        }
        if (!manifest) {
            throw new PluginException("plugins.error.no-manifest");
        }
    }
}

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
 * moved to {@code <plugin id>.jar}.
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

    /** Validated and in place: returns the final path. Throws {@link PluginException} and leaves nothing behind. */
    Path place(String fileName, byte[] content) {
        if (content.length > properties.maxUploadSize().toBytes()) {
            throw new PluginException("The file is larger than " + properties.maxUploadSize().toMegabytes() + " MB.");
        }
        checkArchive(content);
        Path dir = properties.dir().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path tempDir = Files.createTempDirectory(dir, ".upload-");
            Path temp = tempDir.resolve("upload.jar");
            try {
                Files.write(temp, content);
                PluginDescriptor descriptor = host.inspect(temp);
                String id = descriptor.getPluginId();
                if (id == null || !ID.matcher(id).matches()) {
                    throw new PluginException("Plugin-Id '" + id + "' must be 2-64 lower-case letters, digits, dots, dashes.");
                }
                if (host.plugin(id).isPresent()) {
                    throw new PluginException("Plugin " + id + " is already installed; uninstall it first to replace it.");
                }
                Path target = dir.resolve(id + ".jar");
                if (Files.exists(target)) {
                    throw new PluginException("A file " + target.getFileName() + " already exists in the plugins directory.");
                }
                return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
                Files.deleteIfExists(tempDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long maxUploadBytes() {
        return properties.maxUploadSize().toBytes();
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new PluginException("Cannot delete " + file.getFileName() + ": " + e.getMessage());
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
                    throw new PluginException("The jar has more than " + MAX_ENTRIES + " entries.");
                }
                manifest |= entry.getName().equals("META-INF/MANIFEST.MF");
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    expanded += read;
                    if (expanded > MAX_EXPANDED) {
                        throw new PluginException("The jar expands to more than 200 MB; refused.");
                    }
                }
            }
        } catch (IOException e) {
            throw new PluginException("Not a jar file: " + e.getMessage());
        }
        if (entries == 0) {
            throw new PluginException("Not a jar file.");
        }
        if (!manifest) {
            throw new PluginException("The jar has no META-INF/MANIFEST.MF with Plugin-Id and Plugin-Version.");
        }
    }
}

package ru.rusoragentai.console.privacy.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import ru.rusoragentai.console.export.DeflatedFile;
import ru.rusoragentai.console.export.Digests;

/** Packs a package's files into one zip with a SHA-256 manifest (sha256sum format) as its last entry. */
final class PackageZip {

    static final String MANIFEST = "manifest.sha256";

    /** One file of the package, by how it goes into the zip. */
    sealed interface Entry {
        String name();
    }

    /** Compressed as it was written: copied into the zip as it is. */
    record Compressed(String name, DeflatedFile file) implements Entry {
    }

    /** A plain file the zip compresses. */
    record Plain(String name, Path file) implements Entry {
    }

    /** A file that is already a zip (a workbook), stored as it is once {@code ready} returns. */
    record Stored(String name, Path file, Ready ready) implements Entry {
    }

    /** Waits until a file being written elsewhere is complete. */
    @FunctionalInterface
    interface Ready {
        void await() throws IOException;
    }

    /** The zip's SHA-256 and size in bytes, and how long zipping waited for files still being written. */
    record Zipped(String sha256, long size, long workbookWaitMillis) {
    }

    private PackageZip() {
    }

    /** Zips the entries in order into {@code out}, then the manifest. */
    static Zipped write(List<Entry> entries, OutputStream out) throws IOException {
        MessageDigest zipDigest = Digests.sha256();
        long[] size = {0};
        long waited = 0;
        DigestOutputStream counted = new DigestOutputStream(out, zipDigest) {
            @Override
            public void write(int b) throws IOException {
                super.write(b);
                size[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                super.write(b, off, len);
                size[0] += len;
            }
        };
        StringBuilder manifest = new StringBuilder();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(counted)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Entry entry : entries) {
                String sha = switch (entry) {
                    case Compressed compressed -> {
                        try (InputStream raw = compressed.file().raw()) {
                            zip.addRawArchiveEntry(compressed.file().entry(entry.name()), raw);
                        }
                        yield compressed.file().sha256();
                    }
                    case Plain plain -> copy(zip, new ZipArchiveEntry(plain.name()), plain.file());
                    case Stored stored -> {
                        long waitStart = System.nanoTime();
                        stored.ready().await();
                        waited += (System.nanoTime() - waitStart) / 1_000_000;
                        ZipArchiveEntry zipEntry = new ZipArchiveEntry(stored.name());
                        zipEntry.setMethod(ZipArchiveEntry.STORED);
                        zipEntry.setSize(Files.size(stored.file()));
                        zipEntry.setCrc(crc32(stored.file()));
                        yield copy(zip, zipEntry, stored.file());
                    }
                };
                manifest.append(sha).append("  ").append(entry.name()).append('\n');
            }
            zip.putArchiveEntry(new ZipArchiveEntry(MANIFEST));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        return new Zipped(HexFormat.of().formatHex(zipDigest.digest()), size[0], waited);
    }

    private static String copy(ZipArchiveOutputStream zip, ZipArchiveEntry entry, Path file) throws IOException {
        MessageDigest digest = Digests.sha256();
        zip.putArchiveEntry(entry);
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(zip);
        }
        zip.closeArchiveEntry();
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(Files.newInputStream(file), crc)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return crc.getValue();
    }
}

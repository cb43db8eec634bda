package ru.rusoragentai.console.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * A package file compressed while it is written, so that zipping it later is a copy: the file holds raw deflate
 * data, and CRC-32, size and SHA-256 of the uncompressed content are taken on the way. The package's JSON and CSV
 * files are written by the thread that reads the rows, which otherwise waits for the workbook's thread; compressing
 * them there instead of after the last row shortens the build. One writer, one thread.
 */
public final class DeflatedFile {

    private final Path path;
    private final CRC32 crc = new CRC32();
    private final MessageDigest sha256;
    private long size;
    private boolean closed;
    private boolean discarded;
    private Deflater deflater;
    private OutputStream file;

    public DeflatedFile(Path path) {
        this.path = path;
        this.sha256 = Digests.sha256();
    }

    /** The stream to write the uncompressed content to; closing it finishes the file. */
    public OutputStream open() throws IOException {
        deflater = new Deflater(Deflater.BEST_SPEED, true);
        file = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        OutputStream deflating = new DeflaterOutputStream(file, deflater, 1 << 16) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    deflater.end();
                    closed = true;
                }
            }
        };
        return new FilterOutputStream(deflating) {
            @Override
            public void write(int b) throws IOException {
                crc.update(b);
                sha256.update((byte) b);
                size++;
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                crc.update(bytes, offset, length);
                sha256.update(bytes, offset, length);
                size += length;
                out.write(bytes, offset, length);
            }
        };
    }

    /**
     * Abandons a file that was opened but not finished (a failed build): frees the deflater's native memory at once
     * rather than when the collector gets to it, and closes the file. Does nothing to a finished file.
     */
    public void discard() {
        if (!unfinished()) {
            return;
        }
        discarded = true;
        deflater.end();
        try {
            file.close();
        } catch (IOException e) {
            // the working directory is deleted next; nothing more to save
        }
    }

    /** Whether the file was opened and is neither finished nor discarded. */
    public boolean unfinished() {
        return deflater != null && !closed && !discarded;
    }

    /** The zip entry for this file, with everything a raw entry needs; only once the stream is closed. */
    public ZipArchiveEntry entry(String name) throws IOException {
        if (!closed) {
            throw new IllegalStateException(name + " is still being written");
        }
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setCrc(crc.getValue());
        entry.setSize(size);
        entry.setCompressedSize(Files.size(path));
        return entry;
    }

    /** The compressed data, for {@code ZipArchiveOutputStream.addRawArchiveEntry}. */
    public InputStream raw() throws IOException {
        return Files.newInputStream(path);
    }

    /** SHA-256 of the uncompressed content, in hex; only once, after the stream is closed. */
    public String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}

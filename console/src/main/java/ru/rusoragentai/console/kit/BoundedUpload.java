package ru.rusoragentai.console.kit;

import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * An upload kept in memory only up to a limit, enforced while the bytes arrive: a file that declares a larger size
 * is refused before a byte is read, and one that turns out larger is refused as soon as it passes the limit, having
 * held at most the limit plus one read buffer. (Vaadin's in-memory handler reads the whole request first and leaves
 * the size to the browser.) The limit is also handed to Vaadin's multipart parser as its file and request maximum.
 */
public final class BoundedUpload implements UploadHandler {

    private static final int BUFFER = 16 * 1024;
    /** Room for the multipart framing around the one file. */
    private static final long FRAMING = 64 * 1024;

    private final long maxBytes;
    private final SerializableBiConsumer<String, byte[]> onReceived;
    private final SerializableConsumer<String> onRefused;

    /**
     * @param onReceived runs under the UI's lock with the file name and its bytes
     * @param onRefused  runs under the UI's lock with the file name when the file was too large
     */
    public BoundedUpload(long maxBytes, SerializableBiConsumer<String, byte[]> onReceived, SerializableConsumer<String> onRefused) {
        this.maxBytes = maxBytes;
        this.onReceived = onReceived;
        this.onRefused = onRefused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        Optional<byte[]> data;
        try (InputStream in = event.getInputStream()) {
            data = read(in, event.getFileSize(), maxBytes);
        }
        if (data.isEmpty()) {
            event.reject();
            event.getUI().access(() -> onRefused.accept(name));
            return;
        }
        byte[] bytes = data.get();
        event.getUI().access(() -> onReceived.accept(name, bytes));
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + FRAMING;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }

    /**
     * The stream's bytes if there are at most {@code maxBytes} of them; empty, without reading on, once there are
     * more, or at once when {@code declaredSize} (negative when unknown) is already larger.
     */
    public static Optional<byte[]> read(InputStream in, long declaredSize, long maxBytes) throws IOException {
        if (declaredSize > maxBytes) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declaredSize, BUFFER), maxBytes));
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                return Optional.empty();
            }
            out.write(buffer, 0, n);
        }
        return Optional.of(out.toByteArray());
    }
}

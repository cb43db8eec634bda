package ru.rusoragentai.console.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes to another stream on a thread of its own: the caller's bytes are gathered in 1 MiB chunks and handed over
 * through a short queue, so making the bytes (compressing) and taking them (encrypting, writing to disk) run on two
 * cores at once. Owns the target: {@link #close} waits until everything is written, closes it and rethrows the
 * writer's failure, as does any write after the writer failed. One producer thread.
 */
public final class HandoffOutputStream extends OutputStream {

    private static final int CHUNK = 1 << 20;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
    private final Thread writer;
    private volatile Throwable failure;
    private byte[] buffer = new byte[CHUNK];
    private int used;
    private boolean closed;

    public HandoffOutputStream(OutputStream target, String threadName) {
        writer = Thread.ofPlatform().name(threadName).start(() -> {
            try (target) {
                for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
                    target.write(chunk);
                }
            } catch (Throwable e) { // reported to the producer, which is still waiting to hand over or to close
                failure = e;
                queue.clear();
            }
        });
    }

    @Override
    public void write(int b) throws IOException {
        if (used == buffer.length) {
            handOver();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (used == buffer.length) {
                handOver();
            }
            int n = Math.min(length, buffer.length - used);
            System.arraycopy(bytes, offset, buffer, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (used > 0) {
                handOver();
            }
            put(END);
        } catch (IOException e) {
            writer.interrupt(); // it would otherwise wait for the end forever
            throw e;
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while finishing the write", e);
        }
        failIfWriterFailed();
    }

    private void handOver() throws IOException {
        byte[] chunk = used == buffer.length ? buffer : Arrays.copyOf(buffer, used);
        put(chunk);
        buffer = new byte[CHUNK];
        used = 0;
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                failIfWriterFailed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while writing", e);
        }
        failIfWriterFailed();
    }

    private void failIfWriterFailed() throws IOException {
        Throwable cause = failure;
        if (cause != null) {
            throw new IOException("Writing failed: " + cause.getMessage(), cause);
        }
    }
}

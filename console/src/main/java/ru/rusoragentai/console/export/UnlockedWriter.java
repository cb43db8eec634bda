package ru.rusoragentai.console.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 writer for one thread. {@link java.io.BufferedWriter} takes a lock on every call; the workbook
 * and CSV writers make a dozen small calls per cell, tens of millions for a heavy user's package, and that locking
 * was the largest single cost of writing the usage sheet. This one only takes the underlying writer's lock once per
 * 64K characters. Not thread-safe.
 */
public final class UnlockedWriter extends Writer {

    private static final int SIZE = 1 << 16;

    private final Writer out;
    private final char[] buffer = new char[SIZE];
    private int count;

    public UnlockedWriter(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int c) throws IOException {
        if (count == SIZE) {
            drain();
        }
        buffer[count++] = (char) c;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (length > SIZE - count) {
            drain();
            if (length > SIZE) {
                out.write(text, offset, length);
                return;
            }
        }
        text.getChars(offset, offset + length, buffer, count);
        count += length;
    }

    @Override
    public void write(String text) throws IOException {
        write(text, 0, text.length());
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (length > SIZE - count) {
            drain();
            if (length > SIZE) {
                out.write(chars, offset, length);
                return;
            }
        }
        System.arraycopy(chars, offset, buffer, count, length);
        count += length;
    }

    @Override
    public Writer append(CharSequence text) throws IOException {
        String s = String.valueOf(text);
        write(s, 0, s.length());
        return this;
    }

    @Override
    public Writer append(CharSequence text, int start, int end) throws IOException {
        if (text instanceof String s) {
            write(s, start, end - start);
        } else {
            write((text == null ? "null" : text).subSequence(start, end).toString());
        }
        return this;
    }

    @Override
    public Writer append(char c) throws IOException {
        write(c);
        return this;
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }
}

package ru.rusoragentai.console.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HandoffOutputStreamTest {

    @Test
    void shouldWriteEveryByteInOrderAndCloseTheTarget() throws IOException {
        byte[] data = new byte[3 * (1 << 20) + 12_345];
        new Random(1).nextBytes(data);
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream target = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        try (HandoffOutputStream out = new HandoffOutputStream(target, "test-writer")) {
            out.write(data[0]);
            out.write(data, 1, 99_999);
            out.write(data, 100_000, data.length - 100_000);
        }
        assertThat(target.toByteArray()).isEqualTo(data);
        assertThat(closed).isTrue();
    }

    @Test
    void shouldReportTheWritersFailureToTheProducer() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        HandoffOutputStream out = new HandoffOutputStream(failing, "test-writer");
        byte[] chunk = new byte[1 << 20];
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
            out.close();
        }).isInstanceOf(IOException.class).hasMessageContaining("disk full");
    }
}

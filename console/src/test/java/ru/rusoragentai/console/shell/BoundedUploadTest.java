package ru.rusoragentai.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.servlet.http.Part;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.console.kit.BoundedUpload;

/** Uploads are limited while they arrive, through the same handler call Vaadin makes. */
class BoundedUploadTest {

    private static final int LIMIT = 1024 * 1024;

    private final List<byte[]> received = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private UploadHandler handler;
    private Div owner;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        owner = new Div();
        UI.getCurrent().add(owner);
        handler = new BoundedUpload(LIMIT, (name, bytes) -> received.add(bytes), refused::add);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void shouldKeepAFileWithinTheLimit() throws Exception {
        Body body = new Body(LIMIT);
        upload(event(body, LIMIT));
        assertThat(received).singleElement().satisfies(bytes -> assertThat(bytes).hasSize(LIMIT));
        assertThat(refused).isEmpty();
    }

    @Test
    void shouldRefuseAnOversizedUploadWhileReceivingWithoutBufferingIt() throws Exception {
        // a 100 MB file whose size the request does not give
        Body body = new Body(100L * LIMIT);
        UploadEvent event = event(body, -1);
        upload(event);
        assertThat(body.served).isLessThanOrEqualTo(LIMIT + 16 * 1024);
        assertThat(event.isRejected()).isTrue();
        assertThat(received).isEmpty();
        assertThat(refused).containsExactly("big.jar");
    }

    @Test
    void shouldRefuseADeclaredOversizeBeforeReadingAByte() throws Exception {
        Body body = new Body(100L * LIMIT);
        upload(event(body, 100L * LIMIT));
        assertThat(body.served).isZero();
        assertThat(received).isEmpty();
        assertThat(handler.getFileSizeMax()).isEqualTo(LIMIT);
    }

    /** As Vaadin does: the handler runs, then the UI's queued work (its callbacks) on the next round trip. */
    private void upload(UploadEvent event) throws Exception {
        handler.handleUploadRequest(event);
        MockVaadin.clientRoundtrip(false);
    }

    private UploadEvent event(Body body, long declaredSize) {
        Part part = (Part) Proxy.newProxyInstance(Part.class.getClassLoader(), new Class<?>[] {Part.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> body;
                    case "getSize" -> declaredSize;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new UploadEvent(VaadinRequest.getCurrent(), null, VaadinSession.getCurrent(), "big.jar", declaredSize,
                "application/java-archive", owner.getElement(), part);
    }

    /** Serves zeros up to a size, counting what was read. */
    private static final class Body extends InputStream {
        private final long size;
        long served;

        Body(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            served++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            served += n;
            return n;
        }
    }
}

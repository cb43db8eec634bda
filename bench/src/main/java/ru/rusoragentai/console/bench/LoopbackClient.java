package ru.rusoragentai.console.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal keep-alive HTTP/1.1 client over one loopback socket, for load generation: far lighter than the JDK
 * HTTP client, so on a two-core machine the benchmark measures the console rather than its load generator.
 * Understands Content-Length and chunked responses and reconnects when the server closes the connection.
 * Not thread-safe: one per client thread.
 */
final class LoopbackClient implements AutoCloseable {

    /** Status and body of a response. */
    record Response(int status, String body) {
    }

    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    LoopbackClient(int port) throws IOException {
        this.port = port;
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    Response post(String path, String contentType, String headerName, String headerValue, byte[] body) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + contentType
                + "\r\n" + headerName + ": " + headerValue + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
                content.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length > 0) {
            content.write(in.readNBytes(length));
        }
        if (close) {
            // Tomcat ends a keep-alive connection after maxKeepAliveRequests (100): open the next one
            socket.close();
            connect();
        }
        return new Response(code, content.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        if (c == -1 && line.isEmpty()) {
            throw new IOException("connection closed by the server");
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

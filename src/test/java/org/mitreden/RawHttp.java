package org.mitreden;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * Sends bytes exactly as written over a plain socket and reads one answer. REST Assured and every
 * HTTP client repair what they send (one Content-Length, well-formed header lines, a request line of
 * sane length), so the malformed requests an attacker or a broken client sends need this.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * One HTTP answer. Header names are lower case; {@code status} is -1 when the server closed the
     * connection without answering; {@code closed} tells whether the server closed the connection after it.
     */
    public record Answer(int status, Map<String, List<String>> headers, String body, boolean closed) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }

        public boolean isProblemJson() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json") && body.contains("\"status\":" + status);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    /** Sends the request (Latin-1 text, lines ended by CRLF as written) to the service under test. */
    public static Answer send(String request) {
        return send(RestAssured.port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer send(byte[] request) {
        return send(RestAssured.port, request);
    }

    public static Answer send(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException e) {
                // The server may answer and close before it has read all of an over-long request.
            }
            return read(socket);
        } catch (IOException e) {
            throw new IllegalStateException("raw HTTP exchange failed", e);
        }
    }

    private static Answer read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        if (statusLine == null) {
            return new Answer(-1, Map.of(), "", true);
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).trim());
        }
        byte[] body;
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.get(0)));
        } else if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else {
            return new Answer(status, headers, new String(readToEnd(in), StandardCharsets.UTF_8), true);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), isClosed(socket));
    }

    /** Whether the server closed the connection after its answer (rather than waiting for another request). */
    private static boolean isClosed(Socket socket) throws IOException {
        socket.setSoTimeout(2_000);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    /** One line without its CRLF; null at the end of the stream before any byte of it. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        try {
            while ((b = in.read()) != -1 && b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
            }
        } catch (SocketException e) {
            // Connection reset by a server that refused the request outright.
            b = -1;
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketTimeoutException | SocketException e) {
            return new byte[0];
        }
    }
}

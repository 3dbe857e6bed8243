package app.smsdesk.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte: what no well-behaved client library would send (invalid UTF-8,
 * giant or broken headers, lying lengths, slow bodies), from any loopback address ({@code 127.0.0.2} is another
 * machine as far as the gateway can tell).
 */
public final class RawHttp {
    /** A parsed answer; status -1 when the server closed the connection without one. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    private RawHttp() {
    }

    /** Opens a connection to 127.0.0.1:{@code port} from {@code from} (e.g. 127.0.0.2), or any address if null. */
    public static Socket connect(int port, String from, Duration timeout) throws IOException {
        Socket s = new Socket();
        if (from != null) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        }
        s.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
        s.setSoTimeout((int) timeout.toMillis());
        return s;
    }

    /** Sends the bytes as they are and reads the answer up to the end of the connection or of the body. */
    public static Response send(int port, String from, byte[] request, Duration timeout) throws IOException {
        try (Socket s = connect(port, from, timeout)) {
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything (413, 431): read what it said
            }
            return read(s.getInputStream());
        }
    }

    /** A request with {@code Connection: close}; {@code head} holds the request line and headers, CRLF-separated. */
    public static byte[] request(String head, byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(body);
        return b.toByteArray();
    }

    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int headerEnd = -1;
        int contentLength = -1;
        boolean chunked = false;
        try {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                all.write(buf, 0, n);
                byte[] bytes = all.toByteArray();
                if (headerEnd < 0) {
                    headerEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    if (headerEnd >= 0) {
                        String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase(
                                Locale.ROOT);
                        chunked = head.contains("transfer-encoding: chunked");
                        int i = head.indexOf("content-length:");
                        if (i >= 0) {
                            contentLength = Integer.parseInt(head.substring(i + 15, head.indexOf('\r', i) < 0
                                    ? head.length() : head.indexOf('\r', i)).strip());
                        }
                    }
                }
                if (headerEnd >= 0 && !chunked && contentLength >= 0
                        && bytes.length >= headerEnd + 4 + contentLength) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            if (headerEnd < 0) {
                throw e;
            }
        } catch (IOException e) {
            // a reset after the answer: keep what arrived
        }
        return parse(all.toByteArray(), chunked);
    }

    private static Response parse(byte[] bytes, boolean chunked) {
        int headerEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (bytes.length == 0 || headerEnd < 0) {
            return new Response(-1, Map.of(), new String(bytes, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, headerEnd + 4, bytes.length);
        String text = new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8);
        if (headers.containsKey("content-length")) {
            int len = Integer.parseInt(headers.get("content-length"));
            byte[] exact = java.util.Arrays.copyOf(body, Math.min(len, body.length));
            text = new String(exact, StandardCharsets.UTF_8);
        }
        return new Response(status, headers, text);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int eol = indexOf(java.util.Arrays.copyOfRange(body, i, body.length),
                    "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(new String(body, i, eol, StandardCharsets.ISO_8859_1).split(";")[0].strip(),
                    16);
            if (size == 0) {
                break;
            }
            out.write(body, i + eol + 2, Math.min(size, body.length - i - eol - 2));
            i += eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

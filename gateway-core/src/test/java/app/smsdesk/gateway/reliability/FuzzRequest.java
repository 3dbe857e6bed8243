package app.smsdesk.gateway.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request as the fuzzer builds and damages it, down to the bytes: request line, headers in order, body,
 * framing (a lying Content-Length, chunked encoding) and delivery (all at once or trickled).
 */
final class FuzzRequest {
    /** How a request's answer is judged. */
    enum Framing {
        /** Well-formed HTTP: the gateway must answer, with JSON for any error. */
        SOUND,
        /** Broken HTTP (headers, lengths, request line): the HTTP parser may refuse it or close, never 5xx. */
        BROKEN
    }

    final String endpoint;
    final List<String> mutations = new ArrayList<>();
    String method;
    String target;
    final List<String[]> headers = new ArrayList<>();
    byte[] body;
    /** Declared length different from the body's, or null for the true one. */
    Long contentLength;
    boolean chunked;
    /** Close our sending side after the request (the gateway must not wait for bytes that never come). */
    private boolean halfClose;
    /** Send in small pieces with pauses. */
    boolean slow;
    /** Raw bytes replacing the whole request head (request line and headers), or null. */
    byte[] rawHead;
    private Framing framing = Framing.SOUND;
    /** The credentials were replaced by wrong ones: a protected endpoint must refuse the request. */
    boolean credentialsBroken;
    /** The webhook signature headers were replaced by wrong ones. */
    boolean signatureBroken;

    FuzzRequest(String endpoint, String method, String target, byte[] body) {
        this.endpoint = endpoint;
        this.method = method;
        this.target = target;
        this.body = body;
    }

    void halfClose() {
        halfClose = true;
    }

    /** Half-closed when asked, and whenever the declared length promises more than the body holds. */
    boolean halfClosed() {
        return halfClose || contentLength != null && contentLength > (body == null ? 0 : body.length);
    }

    void header(String name, String value) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        headers.add(new String[] {name, value});
    }

    String header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    void broken(String mutation) {
        mutations.add(mutation);
        framing = Framing.BROKEN;
    }

    /**
     * Broken when a mutation broke it, or when the request line and headers together outgrow what the gateway
     * takes (128 KiB): several moderate mutations can add up to that.
     */
    Framing framing() {
        if (framing == Framing.BROKEN || rawHead != null) {
            return Framing.BROKEN;
        }
        long head = method.length() + target.length() + 16L;
        for (String[] h : headers) {
            head += h[0].length() + h[1].length() + 4L;
        }
        return head > 120_000 ? Framing.BROKEN : Framing.SOUND;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (rawHead != null) {
            out.writeBytes(rawHead);
        } else {
            out.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
            if (header("Host") == null) {
                out.writeBytes("Host: 127.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            for (String[] h : headers) {
                // Latin-1 keeps any byte the mutations put in, as a raw byte on the wire
                out.writeBytes((h[0] + ": " + h[1] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (chunked) {
                out.writeBytes("Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            if (contentLength != null) {
                out.writeBytes(("Content-Length: " + contentLength + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            } else if (!chunked && body != null) { // no body: no length, as clients send a GET
                out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] b = body == null ? new byte[0] : body;
        if (chunked && rawHead == null) {
            for (int i = 0; i < b.length; i += 4096) {
                int n = Math.min(4096, b.length - i);
                out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(b, i, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    /** For failure reports: the endpoint, the mutations and the start of the request. */
    String describe() {
        byte[] b = bytes();
        String head = new String(b, 0, Math.min(b.length, 600), StandardCharsets.ISO_8859_1);
        return endpoint + " " + mutations + " (" + b.length + " bytes): " + head.replace("\r\n", "\\r\\n");
    }
}

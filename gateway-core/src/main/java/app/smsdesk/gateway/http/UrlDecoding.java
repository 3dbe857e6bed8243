package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.ValidationException;
import io.undertow.server.HttpServerExchange;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Percent-decoding of the request path and query, done here rather than by Undertow (whose parser answers a
 * malformed escape such as {@code ?limit=%zz} with an empty 400 before any handler runs). Strict: a malformed
 * escape or bytes that are not UTF-8 are a JSON 400 naming the part. In the path an encoded slash stays encoded,
 * so it can never split a segment.
 */
final class UrlDecoding {
    private UrlDecoding() {
    }

    /** The decoded path ({@code %2F} kept as is). */
    static String path(String raw) {
        return decode(raw, false, true, "path");
    }

    /** Replaces the exchange's raw query parameters by their decoded names and values. */
    static void decodeQuery(HttpServerExchange exchange) {
        Map<String, Deque<String>> raw = exchange.getQueryParameters();
        if (raw.isEmpty()) {
            return;
        }
        Map<String, Deque<String>> decoded = new LinkedHashMap<>();
        for (Map.Entry<String, Deque<String>> e : raw.entrySet()) {
            String name = decode(e.getKey(), true, false, "query parameter name");
            Deque<String> values = decoded.computeIfAbsent(name, n -> new ArrayDeque<>());
            for (String v : e.getValue()) {
                values.add(decode(v, true, false, "query parameter " + printable(name)));
            }
        }
        raw.clear();
        raw.putAll(decoded);
    }

    static String decode(String s, boolean plusIsSpace, boolean keepSlash, String what) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                    throw new ValidationException(what + ": malformed percent-encoding");
                }
                int b = hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2));
                if (keepSlash && b == '/') {
                    flush(bytes, out, what);
                    out.append(s, i, i + 3);
                } else {
                    bytes.write(b);
                }
                i += 3;
                continue;
            }
            flush(bytes, out, what);
            out.append(plusIsSpace && c == '+' ? ' ' : c);
            i++;
        }
        flush(bytes, out, what);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out, String what) {
        if (bytes.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())));
        } catch (CharacterCodingException e) {
            throw new ValidationException(what + ": percent-encoded bytes are not UTF-8");
        }
        bytes.reset();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String printable(String name) {
        return name.length() <= 40 && name.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f) ? name : "(unprintable)";
    }
}

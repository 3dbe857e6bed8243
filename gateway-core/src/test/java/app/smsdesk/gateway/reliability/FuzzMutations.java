package app.smsdesk.gateway.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * What the fuzzer does to a valid request: wrong types, missing and unknown fields, huge strings and arrays, deep
 * nesting, broken and invalid UTF-8 bytes, wrong content types, hostile headers and targets, lying lengths, odd
 * methods, and slow delivery. Each mutation names itself in the request, so a failure says what was done.
 */
final class FuzzMutations {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] FIELD_NAMES = {"id", "deviceId", "phoneNumbers", "textMessage", "dataMessage",
        "message", "ttl", "validUntil", "scheduleAt", "simNumber", "priority", "withDeliveryReport", "isEncrypted",
        "scopes", "name", "url", "event", "since", "until", "state", "recipients", "states", "pushToken",
        "simCards", "currentPassword", "newPassword", "payload", "__proto__", "constructor", "", "\u0000", "ü😀"};
    private static final String[] RAW_VALUES = {"1e999999", "-0", "-0.0", "00012", "9223372036854775808",
        "-9223372036854775809", "123456789012345678901234567890", "1.7976931348623157e309", "4.9e-325", "NaN",
        "Infinity", "0x10", "true", "null", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "[]", "{}",
        "[null]", "{\"\":null}", "\"2024-13-45T99:99:99Z\"", "\"+1\"", "\"Pending\"", "\"all:any\"", "-1",
        "2147483648", "0.5", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\""};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/json; charset=bogus",
        "", "*/*", "application/json;;;", "application/vnd.api+json"};
    private static final String[] METHODS = {"PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FOO",
        "get", "post", "GET", "POST"};

    private record Mutation(String name, int weight, BiConsumer<FuzzRequest, Random> apply) {
    }

    private static final String[] APP_VERSIONS = {"99999999999.1", "1.99999999999", "1.68.99999999999",
            "2147483648.0", "-1.-1", "1.", ".1", "1.68.0.0.0", "v1.2", "1e3.0", "01.068.000", "", "1.68.0 extra",
            "9".repeat(300) + ".1"};

    private static final List<Mutation> ALL = List.of(
            new Mutation("type swap", 12, (r, rnd) -> tree(r, rnd, (root, n) -> replaceRandom(root, raw(rnd), rnd))),
            new Mutation("drop field", 8, (r, rnd) -> tree(r, rnd, (root, n) -> dropRandom(root, rnd))),
            new Mutation("unknown fields", 5, (r, rnd) -> tree(r, rnd, (root, n) -> addFields(root, rnd))),
            new Mutation("huge string", 4, (r, rnd) -> tree(r, rnd,
                    (root, n) -> replaceRandom(root, NODES.textNode(bigText(rnd)), rnd))),
            new Mutation("huge array", 3, (r, rnd) -> tree(r, rnd,
                    (root, n) -> replaceRandom(root, bigArray(rnd), rnd))),
            new Mutation("deep nesting", 3, FuzzMutations::deepNesting),
            new Mutation("wrong root", 3, FuzzMutations::wrongRoot),
            new Mutation("truncated", 4, (r, rnd) -> {
                if (r.body != null && r.body.length > 1) {
                    r.body = Arrays.copyOf(r.body, rnd.nextInt(r.body.length));
                }
            }),
            new Mutation("invalid UTF-8", 5, FuzzMutations::invalidUtf8),
            new Mutation("garbage body", 3, (r, rnd) -> r.body = randomBytes(rnd, 1 + rnd.nextInt(3000))),
            new Mutation("lenient JSON", 3, FuzzMutations::lenientJson),
            new Mutation("duplicate keys", 2, (r, rnd) -> {
                if (r.body != null && r.body.length > 2 && r.body[0] == '{') {
                    r.body = ("{\"phoneNumbers\":[],\"phoneNumbers\":[\"+1\"]," + new String(r.body, 1,
                            r.body.length - 1, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
            }),
            new Mutation("empty body", 2, (r, rnd) -> r.body = rnd.nextBoolean() ? new byte[0] : null),
            new Mutation("unexpected body", 2,
                    (r, rnd) -> r.body = "{\"surprise\":true}".getBytes(StandardCharsets.UTF_8)),
            new Mutation("content type", 6, (r, rnd) -> {
                if (rnd.nextInt(4) == 0) {
                    r.headers.removeIf(h -> h[0].equalsIgnoreCase("Content-Type"));
                } else {
                    r.header("Content-Type", CONTENT_TYPES[rnd.nextInt(CONTENT_TYPES.length)]);
                }
            }),
            new Mutation("credentials", 5, FuzzMutations::credentials),
            // The app's version is read from its User-Agent on phone routes (the audit's F13: it overflowed).
            new Mutation("app version", 3, (r, rnd) -> r.header("User-Agent", "me.capcom.smsgateway/"
                    + APP_VERSIONS[rnd.nextInt(APP_VERSIONS.length)])),
            new Mutation("big header", 2, (r, rnd) -> {
                int size = 1_000 + rnd.nextInt(200_000);
                r.header("X-Fuzz-" + rnd.nextInt(1000), "v".repeat(size));
                if (size > 60_000) {
                    r.broken("big header " + size);
                }
            }),
            new Mutation("many headers", 2, (r, rnd) -> {
                int n = 20 + rnd.nextInt(400);
                for (int i = 0; i < n; i++) {
                    r.headers.add(new String[] {"X-Many-" + i, Integer.toString(i)});
                }
                // Counted over the whole request: the mutation can be applied twice (Undertow allows 200).
                if (r.headers.size() > 150) {
                    r.broken("many headers " + r.headers.size());
                }
            }),
            new Mutation("header bytes", 2, (r, rnd) -> {
                r.header("X-Bytes", new String(randomBytes(rnd, 20), StandardCharsets.ISO_8859_1));
                r.broken("header bytes");
            }),
            new Mutation("framing", 3, FuzzMutations::framing),
            new Mutation("chunked", 2, (r, rnd) -> r.chunked = r.body != null),
            new Mutation("query junk", 4, FuzzMutations::queryJunk),
            new Mutation("bad target", 2, FuzzMutations::badTarget),
            new Mutation("path junk", 3, FuzzMutations::pathJunk),
            new Mutation("method", 3, (r, rnd) -> r.method = METHODS[rnd.nextInt(METHODS.length)]),
            new Mutation("request line", 1, (r, rnd) -> {
                String[] heads = {"GET\r\n\r\n", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", "\r\n\r\n",
                    r.method + " " + r.target + "\r\n\r\n", "GET /health HTTP/1.0\r\n\r\n", "PRI * HTTP/2.0\r\n\r\n",
                    r.method + "  " + r.target + " HTTP/1.1\r\nHost: x\r\n\r\n"};
                r.rawHead = heads[rnd.nextInt(heads.length)].getBytes(StandardCharsets.ISO_8859_1);
                r.body = null;
                r.broken("request line");
            }));
    private static final int TOTAL_WEIGHT = ALL.stream().mapToInt(Mutation::weight).sum();

    private FuzzMutations() {
    }

    /** Applies 1 to 3 random mutations (and, rarely, slow delivery). */
    static void mutate(FuzzRequest r, Random rnd, double slowShare) {
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            int pick = rnd.nextInt(TOTAL_WEIGHT);
            for (Mutation m : ALL) {
                pick -= m.weight();
                if (pick < 0) {
                    r.mutations.add(m.name());
                    m.apply().accept(r, rnd);
                    break;
                }
            }
        }
        if (rnd.nextDouble() < slowShare) {
            r.slow = true;
            r.mutations.add("slow");
        }
    }

    private interface TreeChange {
        JsonNode apply(JsonNode root, Random rnd);
    }

    /** Parses the body (if it is still JSON), changes the tree and writes it back. */
    private static void tree(FuzzRequest r, Random rnd, TreeChange change) {
        if (r.body == null || r.body.length == 0) {
            return;
        }
        try {
            JsonNode root = MAPPER.readTree(r.body);
            if (root == null) {
                return;
            }
            r.body = MAPPER.writeValueAsBytes(change.apply(root, rnd));
        } catch (IOException e) {
            // already broken by an earlier mutation
        }
    }

    private static JsonNode raw(Random rnd) {
        String v = RAW_VALUES[rnd.nextInt(RAW_VALUES.length)];
        try {
            return MAPPER.readTree(v);
        } catch (IOException e) {
            return NODES.rawValueNode(new RawValue(v));
        }
    }

    /** Replaces a random value somewhere in the tree (the root itself now and then). */
    private static JsonNode replaceRandom(JsonNode root, JsonNode value, Random rnd) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty() || rnd.nextInt(12) == 0) {
            return value;
        }
        JsonNode c = containers.get(rnd.nextInt(containers.size()));
        if (c instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.set(names.get(rnd.nextInt(names.size())), value);
        } else if (c instanceof ArrayNode a && a.size() > 0) {
            a.set(rnd.nextInt(a.size()), value);
        }
        return root;
    }

    private static JsonNode dropRandom(JsonNode root, Random rnd) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        for (JsonNode c : containers) {
            if (c instanceof ObjectNode o && o.size() > 0 && rnd.nextInt(2) == 0) {
                Iterator<String> it = o.fieldNames();
                List<String> names = new ArrayList<>();
                it.forEachRemaining(names::add);
                o.remove(names.get(rnd.nextInt(names.size())));
                return root;
            }
        }
        return root;
    }

    private static JsonNode addFields(JsonNode root, Random rnd) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        for (JsonNode c : containers) {
            if (c instanceof ObjectNode o) {
                for (int i = 0; i < 1 + rnd.nextInt(5); i++) {
                    o.set(FIELD_NAMES[rnd.nextInt(FIELD_NAMES.length)], raw(rnd));
                }
                return root;
            }
        }
        return root;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.elements().forEachRemaining(child -> collect(child, out));
        }
    }

    private static String bigText(Random rnd) {
        String[] pieces = {"a", "é", "😀", "\u0000", "\"", "\\", "\n", "漢", "\u202e", "%s", "${jndi:x}", " "};
        StringBuilder b = new StringBuilder();
        int n = 10_000 + rnd.nextInt(200_000);
        while (b.length() < n) {
            b.append(pieces[rnd.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    private static ArrayNode bigArray(Random rnd) {
        ArrayNode a = NODES.arrayNode();
        int n = 1_000 + rnd.nextInt(rnd.nextBoolean() ? 5_000 : 100_000);
        JsonNode element = rnd.nextBoolean() ? NODES.textNode("+14155552671") : raw(rnd);
        for (int i = 0; i < n; i++) {
            a.add(element);
        }
        return a;
    }

    private static void deepNesting(FuzzRequest r, Random rnd) {
        int depth = 50 + rnd.nextInt(rnd.nextBoolean() ? 2_000 : 50_000);
        boolean arrays = rnd.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        r.body = (rnd.nextBoolean() ? nested : "{\"phoneNumbers\":" + nested + ",\"textMessage\":" + nested + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void wrongRoot(FuzzRequest r, Random rnd) {
        String body = r.body == null ? "{}" : new String(r.body, StandardCharsets.UTF_8);
        String[] roots = {"[]", "\"text\"", "42", "null", "true", "[" + body + "]", "{\"data\":" + body + "}",
            body + body, " \t\r\n" + body + " \n"};
        r.body = roots[rnd.nextInt(roots.length)].getBytes(StandardCharsets.UTF_8);
    }

    private static void invalidUtf8(FuzzRequest r, Random rnd) {
        if (r.body == null || r.body.length == 0) {
            r.body = "{\"x\":\"".getBytes(StandardCharsets.UTF_8);
        }
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xe2, (byte) 0x82}, {0}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = rnd.nextInt(r.body.length);
        out.write(r.body, 0, at);
        out.writeBytes(bad[rnd.nextInt(bad.length)]);
        out.write(r.body, at, r.body.length - at);
        r.body = out.toByteArray();
    }

    private static void lenientJson(FuzzRequest r, Random rnd) {
        String body = r.body == null ? "{}" : new String(r.body, StandardCharsets.UTF_8);
        String[] variants = {"/* c */" + body, body.replace("\"", "'"), body.replace("}", ",}"),
            body.replace("]", ",]"), "\uFEFF" + body, body + "\u0000", body.replace(":", " : // x\n"),
            body.replaceFirst("\"", "")};
        r.body = variants[rnd.nextInt(variants.length)].getBytes(StandardCharsets.UTF_8);
    }

    private static void credentials(FuzzRequest r, Random rnd) {
        String current = r.header("Authorization");
        String[] options = {null, "", "Bearer", "Bearer ", "Basic", "Basic ====", "Digest x", "Bearer a.b.c",
            "Bearer " + "A".repeat(64 * 1024),
            current == null ? "Bearer x" : current.substring(0, current.length() / 2),
            current == null ? "Basic x" : current + current, "Basic " + Base64.getEncoder().encodeToString(
                    ("fuzz" + rnd.nextInt(1000) + ":guess").getBytes(StandardCharsets.UTF_8)),
            "Code 123456", "bearer " + (current == null ? "" : current.replaceFirst("(?i)^bearer ", ""))};
        String v = options[rnd.nextInt(options.length)];
        if (v == null) {
            r.headers.removeIf(h -> h[0].equalsIgnoreCase("Authorization"));
        } else {
            r.header("Authorization", v);
        }
        // Only a scheme written in other letters leaves the credentials valid.
        r.credentialsBroken |= v == null || current == null || !v.equalsIgnoreCase(current);
        if (rnd.nextBoolean()) {
            r.header("X-Signature", rnd.nextBoolean() ? "00" : "zz" + "f".repeat(rnd.nextInt(100)));
            r.header("X-Timestamp", rnd.nextBoolean() ? "0" : "-1" + rnd.nextInt(99_999_999));
            r.signatureBroken = true;
        }
    }

    private static void framing(FuzzRequest r, Random rnd) {
        int len = r.body == null ? 0 : r.body.length;
        switch (rnd.nextInt(5)) {
            case 0 -> {
                r.contentLength = (long) (len + 1 + rnd.nextInt(100));
                r.halfClose();
                r.broken("length longer than body");
            }
            case 1 -> {
                r.contentLength = (long) Math.max(0, len - 1 - rnd.nextInt(Math.max(1, len)));
                r.broken("length shorter than body");
            }
            case 2 -> {
                r.headers.add(new String[] {"Content-Length", Integer.toString(len + 5)});
                r.broken("two lengths");
            }
            case 3 -> {
                r.chunked = true;
                r.contentLength = (long) len;
                r.broken("chunked and length");
            }
            default -> {
                r.contentLength = rnd.nextBoolean() ? -1L : Long.MAX_VALUE;
                r.halfClose();
                r.broken("absurd length");
            }
        }
    }

    private static void queryJunk(FuzzRequest r, Random rnd) {
        StringBuilder q = new StringBuilder(r.target.contains("?") ? "&" : "?");
        int n = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 500 : 8);
        String[] names = {"limit", "offset", "state", "from", "to", "deviceId", "includeContent", "order", "type",
            "skipPhoneValidation", "deviceActiveWithin", "sort", "x", "ü"};
        for (int i = 0; i < n; i++) {
            String value = switch (rnd.nextInt(6)) {
                case 0 -> Integer.toString(rnd.nextInt());
                case 1 -> "9".repeat(1 + rnd.nextInt(40));
                case 2 -> "x".repeat(rnd.nextInt(30_000));
                case 3 -> "2024-02-30T25:61:61Z";
                case 4 -> "😀 é &=?#";
                default -> "";
            };
            q.append(URLEncoder.encode(names[rnd.nextInt(names.length)], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
        r.target = r.target + q;
        if (r.target.length() > 100_000) {
            r.broken("target of " + r.target.length() + " characters");
        }
    }

    private static void badTarget(FuzzRequest r, Random rnd) {
        String[] suffixes = {"?limit=%zz", "?limit=%", "?a=%G1", "/%", "?x=\u00ff", "?x=a b", "#frag", "?x=\t"};
        r.target = r.target + suffixes[rnd.nextInt(suffixes.length)];
        r.broken("bad target");
    }

    private static void pathJunk(FuzzRequest r, Random rnd) {
        String[] junk = {"/x", "/..", "/%2e%2e/%2e%2e/etc/passwd", "//", "/%00", "/" + "a".repeat(10_000),
            "/%F0%9F%98%80", "/%2F", "/.", ";jsessionid=1", "/%25", "/%C3%A9"};
        int q = r.target.indexOf('?');
        String path = q < 0 ? r.target : r.target.substring(0, q);
        String query = q < 0 ? "" : r.target.substring(q);
        r.target = path + junk[rnd.nextInt(junk.length)] + query;
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}

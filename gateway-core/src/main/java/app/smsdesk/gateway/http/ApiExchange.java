package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.PayloadTooLargeException;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.RequestTimeoutException;
import app.smsdesk.gateway.domain.UnavailableException;
import app.smsdesk.gateway.domain.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/** One request as handlers see it: principal, path and query parameters, JSON body in, JSON out. */
public final class ApiExchange {
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The whole body must arrive within this time (unless the server's limits say otherwise). */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(30);
    private static final HttpString CONTENT_TYPE = new HttpString("Content-Type");

    private final HttpServerExchange exchange;
    private final Map<String, String> pathParams;
    private final Principal principal;
    private final Device device;
    private byte[] body;
    private long reserved;

    ApiExchange(HttpServerExchange exchange, Map<String, String> pathParams, Principal principal) {
        this(exchange, pathParams, principal, null);
    }

    ApiExchange(HttpServerExchange exchange, Map<String, String> pathParams, Principal principal, Device device) {
        this.exchange = exchange;
        this.pathParams = pathParams;
        this.principal = principal;
        this.device = device;
    }

    /** The phone that called a device-token route. */
    public Device device() {
        if (device == null) {
            throw new IllegalStateException("route has no authenticated device");
        }
        return device;
    }

    /** Scheme, host and port the client used to reach us, e.g. {@code https://192.168.1.5:3443}. */
    public String baseUrl() {
        return exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
    }

    /** The underlying Undertow exchange (for responses that are not JSON, such as event streams). */
    HttpServerExchange raw() {
        return exchange;
    }

    /** The authenticated caller (routes without auth have none). */
    public Principal principal() {
        if (principal == null) {
            throw new IllegalStateException("route has no authenticated principal");
        }
        return principal;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Optional<String> query(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    public String remoteAddress() {
        return clientAddress(exchange);
    }

    /** The client's address as text ("" when Undertow does not know it). */
    static String clientAddress(io.undertow.server.HttpServerExchange exchange) {
        return exchange.getSourceAddress() == null ? "" : exchange.getSourceAddress().getAddress().getHostAddress();
    }

    /** The request path as received (used to build Location headers under the same prefix). */
    public String requestPath() {
        return exchange.getRequestPath();
    }

    public <T> T body(Class<T> type) {
        return Json.read(requireBody(), type);
    }

    public JsonNode bodyTree() {
        return Json.readTree(requireBody());
    }

    /** The body, or an empty array when none was sent (refresh accepts no body or {}). */
    public byte[] rawBody() {
        if (body == null) {
            body = readBody();
        }
        return body;
    }

    private byte[] requireBody() {
        byte[] b = rawBody();
        if (b.length == 0) {
            throw new ValidationException("request body: JSON is required");
        }
        return b;
    }

    private byte[] readBody() {
        long declared = exchange.getRequestContentLength();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        BodyBudget budget = exchange.getAttachment(BodyBudget.KEY);
        Duration allowed = budget == null ? BODY_DEADLINE : budget.deadline();
        long deadline = System.nanoTime() + allowed.toNanos();
        // A client that stops sending would block this worker in read() until the connection's idle timeout:
        // closing the connection at the deadline ends that read.
        BodyReadWatchdog.watch(exchange, allowed);
        try (InputStream in = exchange.getInputStream()) {
            reserve(Math.max(declared, 0));
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
                if (out.size() + n > reserved) {
                    reserve(out.size() + n - reserved); // a chunked body: as it arrives
                }
                out.write(buf, 0, n);
                if (System.nanoTime() > deadline) {
                    // A client trickling its body would hold a worker for as long as it likes.
                    throw new RequestTimeoutException("request body: not received within "
                            + allowed.toSeconds() + " seconds");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            // The client went away or stopped sending: its problem, not a server error.
            throw new ValidationException("request body: could not be read (the connection closed or stalled)");
        } finally {
            BodyReadWatchdog.done(exchange);
        }
    }

    /** Counts body bytes against the server-wide budget until the exchange completes. */
    private void reserve(long bytes) {
        BodyBudget budget = exchange.getAttachment(BodyBudget.KEY);
        if (budget == null || bytes <= 0) {
            return;
        }
        if (!budget.tryReserve(bytes)) {
            throw new UnavailableException("the gateway is overloaded: too many large requests at once; "
                    + "try again shortly");
        }
        if (reserved == 0) {
            exchange.addExchangeCompleteListener((ex, next) -> {
                budget.release(reserved);
                next.proceed();
            });
        }
        reserved += bytes;
    }

    private static PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("request body exceeds " + MAX_BODY_BYTES + " bytes (1 MiB)");
    }

    public void setHeader(String name, String value) {
        exchange.getResponseHeaders().put(new HttpString(name), value);
    }

    public void json(int status, Object value) {
        writeJson(exchange, status, Json.write(value));
    }

    /** A response that is not JSON (certificate downloads). */
    public void bytes(int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(CONTENT_TYPE, contentType);
        exchange.setResponseContentLength(body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** A response with no body (204, or 202 as the clients expect it). */
    public void empty(int status) {
        exchange.setStatusCode(status);
        exchange.setResponseContentLength(0);
        exchange.endExchange();
    }

    static void writeJson(HttpServerExchange exchange, int status, byte[] bytes) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(CONTENT_TYPE, "application/json");
        exchange.setResponseContentLength(bytes.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }
}

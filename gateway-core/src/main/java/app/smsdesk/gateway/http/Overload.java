package app.smsdesk.gateway.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.RequestLimit;
import io.undertow.server.handlers.RequestLimitingHandler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load shedding in front of the gateway, on the I/O thread: at most so many requests run at once and so many
 * wait for a turn; past that a request is answered 503 with {@code Retry-After} at once, without reading it, so
 * an overload costs neither memory nor a worker. Event streams are exempt: they stay open for hours and take no
 * worker.
 */
final class Overload {
    private static final Logger LOG = LoggerFactory.getLogger(Overload.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    static final String MESSAGE = "the gateway is overloaded: too many requests in progress; try again shortly";

    private Overload() {
    }

    static HttpHandler guard(HttpHandler next, HttpGateway.Limits limits) {
        RequestLimit limit = new RequestLimit(limits.concurrentRequests(), limits.queuedRequests());
        AtomicLong refused = new AtomicLong();
        limit.setFailureHandler(exchange -> refuse(exchange, refused.incrementAndGet()));
        HttpHandler limited = new RequestLimitingHandler(limit, next);
        BodyBudget budget = new BodyBudget(limits.bodyBytes(), limits.bodyDeadline());
        return exchange -> {
            exchange.putAttachment(BodyBudget.KEY, budget);
            if (isEventStream(exchange)) {
                next.handleRequest(exchange);
            } else {
                limited.handleRequest(exchange);
            }
        };
    }

    private static void refuse(HttpServerExchange exchange, long count) {
        if (count == 1 || count % 1_000 == 0) {
            LOG.warn("overloaded: {} requests refused with 503 so far", count);
        }
        exchange.setPersistent(false); // the body was not read
        ErrorMapper.setRetryAfter(exchange, RETRY_AFTER);
        ErrorMapper.writeError(exchange, 503, MESSAGE);
    }

    private static boolean isEventStream(HttpServerExchange exchange) {
        return exchange.getRequestMethod().equalToString("GET") && exchange.getRequestPath().endsWith("/events");
    }
}

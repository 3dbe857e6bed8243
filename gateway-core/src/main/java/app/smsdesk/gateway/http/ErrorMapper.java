package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.ConflictException;
import app.smsdesk.gateway.domain.FeatureDisabledException;
import app.smsdesk.gateway.domain.ForbiddenException;
import app.smsdesk.gateway.domain.GatewayException;
import app.smsdesk.gateway.domain.NotFoundException;
import app.smsdesk.gateway.domain.PayloadTooLargeException;
import app.smsdesk.gateway.domain.RequestTimeoutException;
import app.smsdesk.gateway.domain.TooManyRequestsException;
import app.smsdesk.gateway.domain.UnauthorizedException;
import app.smsdesk.gateway.domain.UnavailableException;
import app.smsdesk.gateway.domain.ValidationException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become status codes and {@code {"message": ...}} bodies. */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    static final String UNAUTHORIZED = "Unauthorized";
    private static final HttpString RETRY_AFTER = new HttpString("Retry-After");

    private ErrorMapper() {
    }

    static int status(Throwable t) {
        if (t instanceof ValidationException) {
            return 400;
        } else if (t instanceof UnauthorizedException) {
            return 401;
        } else if (t instanceof ForbiddenException) {
            return 403;
        } else if (t instanceof NotFoundException) {
            return 404;
        } else if (t instanceof RequestTimeoutException) {
            return 408;
        } else if (t instanceof ConflictException) {
            return 409;
        } else if (t instanceof PayloadTooLargeException) {
            return 413;
        } else if (t instanceof TooManyRequestsException) {
            return 429;
        } else if (t instanceof FeatureDisabledException) {
            return 501;
        } else if (t instanceof UnavailableException) {
            return 503;
        }
        return 500;
    }

    static void write(HttpServerExchange exchange, Throwable failure) {
        int status = status(failure);
        String message;
        if (status == 500) {
            LOG.error("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), failure);
            message = "failed to handle request";
        } else if (failure instanceof UnauthorizedException) {
            // Dull on the wire, precise in the log (the reason is logged by the dispatcher).
            message = UNAUTHORIZED;
            exchange.getResponseHeaders().put(new HttpString("WWW-Authenticate"),
                    "Basic realm=\"SMSDesk\", Bearer realm=\"SMSDesk\"");
        } else {
            message = failure.getMessage();
        }
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        retryAfter(failure).ifPresent(d -> setRetryAfter(exchange, d));
        if (failure instanceof RequestTimeoutException || failure instanceof UnavailableException) {
            // The rest of the body may be unread: close the connection rather than drain a slow upload or read
            // more while overloaded.
            exchange.setPersistent(false);
        }
        // A 413 keeps the connection: Undertow drains the rest of the body (at most MAX_ENTITY_SIZE, beyond which
        // it closes). Closing at once made the kernel reset the connection over the unread upload, and clients
        // then lost the 413 itself.
        writeError(exchange, status, message);
    }

    private static Optional<Duration> retryAfter(Throwable t) {
        if (t instanceof TooManyRequestsException e) {
            return Optional.of(e.retryAfter());
        } else if (t instanceof UnavailableException e) {
            return Optional.of(e.retryAfter());
        }
        return Optional.empty();
    }

    /** {@code Retry-After} in whole seconds, rounded up (at least 1). */
    static void setRetryAfter(HttpServerExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponseHeaders().put(RETRY_AFTER, Long.toString(seconds));
    }

    static void writeError(HttpServerExchange exchange, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("code", status);
        ApiExchange.writeJson(exchange, status, Json.write(body));
    }

    static boolean isExpected(Throwable t) {
        return t instanceof GatewayException;
    }
}

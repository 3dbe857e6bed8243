package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.ConflictException;
import app.smsdesk.gateway.domain.FeatureDisabledException;
import app.smsdesk.gateway.domain.ForbiddenException;
import app.smsdesk.gateway.domain.GatewayException;
import app.smsdesk.gateway.domain.LogText;
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

    private static final UnexpectedFailures UNEXPECTED = new UnexpectedFailures();

    private ErrorMapper() {
    }

    /**
     * Logs unexpected failures (bugs), each with its stack trace, but at most {@link #TRACES_PER_MINUTE} a minute:
     * a client that found a way to trigger one must not be able to flood the log with traces. Beyond that one
     * line a minute says how many were not traced. Path and method are cut and neutralised like any client value.
     */
    static final class UnexpectedFailures {
        static final int TRACES_PER_MINUTE = 10;
        private long windowStart;
        private int traced;
        private int untraced;

        void log(HttpServerExchange exchange, Throwable failure) {
            String what = LogText.safe(exchange.getRequestMethod().toString()) + " "
                    + LogText.safe(exchange.getRequestPath());
            int skipped = -1;
            boolean trace;
            synchronized (this) {
                long now = System.nanoTime();
                if (now - windowStart > 60_000_000_000L) {
                    skipped = untraced;
                    windowStart = now;
                    traced = 0;
                    untraced = 0;
                }
                trace = traced < TRACES_PER_MINUTE;
                if (trace) {
                    traced++;
                } else {
                    untraced++;
                }
            }
            if (skipped > 0) {
                LOG.error("{} more unexpected failures in the last minute were not traced", skipped);
            }
            if (trace) {
                LOG.error("request {} failed", what, failure);
            }
        }
    }

    static int status(Throwable t) {
        if (t instanceof RequestRefused r) {
            return r.status();
        } else if (t instanceof ValidationException) {
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
            UNEXPECTED.log(exchange, failure);
            message = "failed to handle request";
        } else if (failure instanceof UnauthorizedException) {
            // Dull on the wire, precise in the log (the reason is logged by the dispatcher).
            message = UNAUTHORIZED;
            // Bearer only: a Basic challenge makes a browser prompt for the password and then send it, cached,
            // with requests any web site triggers (cross-site request forgery). Clients send Basic unasked.
            exchange.getResponseHeaders().put(new HttpString("WWW-Authenticate"), "Bearer realm=\"SMSDesk\"");
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
        if (failure instanceof ForbiddenException f && f.reason() != null) {
            writeError(exchange, status, message, f.reason());
            return;
        }
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
        writeError(exchange, status, message, null);
    }

    /** The error body; {@code reason} (a guard's code, like {@code guard:budget}) only when there is one. */
    static void writeError(HttpServerExchange exchange, int status, String message, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("code", status);
        if (reason != null) {
            body.put("reason", reason);
        }
        ApiExchange.writeJson(exchange, status, Json.write(body));
    }

    static boolean isExpected(Throwable t) {
        return t instanceof GatewayException;
    }
}

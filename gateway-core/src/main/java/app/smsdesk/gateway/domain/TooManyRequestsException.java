package app.smsdesk.gateway.domain;

import java.time.Duration;

/** A client exceeded a rate limit (HTTP 429 with {@code Retry-After}). */
public final class TooManyRequestsException extends GatewayException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message) {
        this(message, Duration.ofMinutes(1));
    }

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long the client should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

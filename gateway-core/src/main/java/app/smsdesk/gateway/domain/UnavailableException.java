package app.smsdesk.gateway.domain;

import java.time.Duration;

/** The gateway cannot take the request now (HTTP 503 with {@code Retry-After}). */
public final class UnavailableException extends GatewayException {
    private final Duration retryAfter;

    public UnavailableException(String message) {
        this(message, Duration.ofSeconds(1));
    }

    public UnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long the client should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

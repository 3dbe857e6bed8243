package app.smsdesk.gateway.domain;

/** A client exceeded a rate limit (HTTP 429). */
public final class TooManyRequestsException extends GatewayException {
    public TooManyRequestsException(String message) {
        super(message);
    }
}

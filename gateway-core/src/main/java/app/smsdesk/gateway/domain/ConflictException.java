package app.smsdesk.gateway.domain;

/** The request conflicts with the current state (HTTP 409). */
public final class ConflictException extends GatewayException {
    public ConflictException(String message) {
        super(message);
    }
}

package app.smsdesk.gateway.domain;

/** Base of the typed failures that the HTTP layer maps to status codes in one place. */
public abstract class GatewayException extends RuntimeException {
    protected GatewayException(String message) {
        super(message, null, false, false);
    }
}

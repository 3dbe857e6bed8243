package app.smsdesk.gateway.domain;

/** Bad input: the message names the offending field (HTTP 400). */
public final class ValidationException extends GatewayException {
    public ValidationException(String message) {
        super(message);
    }
}

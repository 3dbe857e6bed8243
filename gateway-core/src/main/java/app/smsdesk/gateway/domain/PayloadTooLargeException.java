package app.smsdesk.gateway.domain;

/** The request body exceeds the accepted size (HTTP 413). */
public final class PayloadTooLargeException extends GatewayException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}

package app.smsdesk.gateway.domain;

/** The client did not send its request in time (HTTP 408). */
public final class RequestTimeoutException extends GatewayException {
    public RequestTimeoutException(String message) {
        super(message);
    }
}

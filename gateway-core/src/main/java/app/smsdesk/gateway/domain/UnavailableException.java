package app.smsdesk.gateway.domain;

/** The gateway cannot take the request now (HTTP 503). */
public final class UnavailableException extends GatewayException {
    public UnavailableException(String message) {
        super(message);
    }
}

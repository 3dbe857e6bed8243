package app.smsdesk.gateway.domain;

/** Missing or invalid credentials (HTTP 401). The message is for the log, never the wire. */
public final class UnauthorizedException extends GatewayException {
    public UnauthorizedException(String message) {
        super(message);
    }
}

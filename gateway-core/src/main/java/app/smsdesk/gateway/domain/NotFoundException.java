package app.smsdesk.gateway.domain;

/** The addressed resource does not exist for the caller (HTTP 404). */
public final class NotFoundException extends GatewayException {
    public NotFoundException(String message) {
        super(message);
    }
}

package app.smsdesk.gateway.domain;

/** Valid credentials without the needed permission (HTTP 403). */
public final class ForbiddenException extends GatewayException {
    public ForbiddenException(String message) {
        super(message);
    }
}

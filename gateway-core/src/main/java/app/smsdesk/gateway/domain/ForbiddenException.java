package app.smsdesk.gateway.domain;

/**
 * Valid credentials without the needed permission (HTTP 403). A refusal by one of a token's guards carries a
 * {@link #reason()} code ({@code guard:address}, {@code guard:hours}, {@code guard:budget},
 * {@code guard:recipient}) that the response names, and the refused token's id for its refusal log.
 */
public final class ForbiddenException extends GatewayException {
    private final String reason;
    private final String tokenId;

    public ForbiddenException(String message) {
        this(message, null, null);
    }

    public ForbiddenException(String message, String reason, String tokenId) {
        super(message);
        this.reason = reason;
        this.tokenId = tokenId;
    }

    /** Which guard refused, or null for a plain permission failure. */
    public String reason() {
        return reason;
    }

    /** The refused token's jti, or null. */
    public String tokenId() {
        return tokenId;
    }
}

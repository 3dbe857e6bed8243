package app.smsdesk.gateway.domain;

/**
 * Missing or invalid credentials (HTTP 401). The message is for the log, never the wire. When the token was
 * genuinely ours (its signature held), {@link #tokenId()} names it and {@link #reason()} says why it was refused,
 * so the token's owner can look it up ("why was I refused?"); a forged token is never attributed to anyone.
 */
public final class UnauthorizedException extends GatewayException {
    private final String reason;
    private final String tokenId;

    public UnauthorizedException(String message) {
        this(message, null, null);
    }

    /**
     * @param reason a short code: expired, revoked, rolled, unknown, not-yet-valid, account
     * @param tokenId the refused token's jti, known only once its signature held
     */
    public UnauthorizedException(String message, String reason, String tokenId) {
        super(message);
        this.reason = reason;
        this.tokenId = tokenId;
    }

    /** Why a genuine token was refused, or null. */
    public String reason() {
        return reason;
    }

    /** The jti of the genuine token that was refused, or null. */
    public String tokenId() {
        return tokenId;
    }
}

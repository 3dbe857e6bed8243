package app.smsdesk.desktop.page.tokens;

import app.smsdesk.desktop.ui.Formats;
import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.domain.TokenInfo;
import java.time.Duration;
import java.time.Instant;

/**
 * One inventory row as the table shows it, evaluated at {@code now}.
 *
 * @param info what the inventory knows of the token
 * @param now when the row was read
 */
public record TokenRow(TokenInfo info, Instant now) {
    /** Tokens expiring sooner than this are shown in the warning colour. */
    public static final Duration EXPIRY_WARNING = Duration.ofHours(24);

    public String jti() {
        return info.jti();
    }

    public String name() {
        return info.name() == null ? "(no name)" : info.name();
    }

    /** active, expired or revoked. */
    public String status() {
        return info.status(now);
    }

    public boolean isActive() {
        return "active".equals(status());
    }

    /** Active but expiring within {@link #EXPIRY_WARNING}. */
    public boolean expiresSoon() {
        return isActive() && info.expiresAt().isBefore(now.plus(EXPIRY_WARNING));
    }

    public String kind() {
        return info.isRefresh() ? "refresh" : "access";
    }

    public String scopesText() {
        if (info.scopes().contains(Scopes.ALL)) {
            return "Full access";
        }
        return String.join(", ", info.scopes());
    }

    public String expiresText() {
        return Formats.relative(info.expiresAt(), now);
    }

    public String lastUsedText() {
        return info.lastUsedAt() == null ? "never" : Formats.relative(info.lastUsedAt(), now);
    }

    public String createdText() {
        return Formats.relative(info.createdAt(), now);
    }

    /** The same token, revoked at {@code at} (the table shows a revocation before the reload answers). */
    TokenRow revokedAt(Instant at) {
        TokenInfo t = info;
        return new TokenRow(new TokenInfo(t.jti(), t.userId(), t.use(), t.parentJti(), t.family(), t.name(),
                t.scopes(), t.ttlSeconds(), t.mintedBy(), t.createdAt(), t.expiresAt(),
                t.revokedAt() == null ? at : t.revokedAt(), t.lastUsedAt(), t.useCount()), now);
    }
}

package app.smsdesk.gateway.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the inventory knows of one issued JWT (never the token itself).
 *
 * @param jti token id
 * @param userId owning account
 * @param use "access" or "refresh"
 * @param parentJti for a refresh token, the access token it was issued with
 * @param family id shared by a token and all its refresh rotations
 * @param name optional label given at mint time
 * @param scopes scopes of the access token (for a refresh token: the scopes it will mint)
 * @param ttlSeconds lifetime requested for access tokens of this family
 * @param mintedBy who minted it ("basic:admin", "jwt:&lt;jti&gt;", "console:admin", "refresh:&lt;jti&gt;")
 * @param createdAt issue time
 * @param expiresAt expiry
 * @param revokedAt revocation time, or null
 * @param lastUsedAt last authenticated request, or null
 * @param useCount authenticated requests made with it
 */
public record TokenInfo(String jti, String userId, String use, String parentJti, String family, String name,
                        List<String> scopes, long ttlSeconds, String mintedBy, Instant createdAt,
                        Instant expiresAt, Instant revokedAt, Instant lastUsedAt, long useCount) {
    public TokenInfo {
        Objects.requireNonNull(jti);
        scopes = List.copyOf(scopes);
    }

    public boolean isRefresh() {
        return "refresh".equals(use);
    }

    /** active, expired or revoked at {@code now}. */
    public String status(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        return expiresAt.isAfter(now) ? "active" : "expired";
    }

    public TokenInfo withUsage(Instant lastUsed, long extraUses) {
        Instant latest = lastUsedAt == null || (lastUsed != null && lastUsed.isAfter(lastUsedAt)) ? lastUsed
                : lastUsedAt;
        return new TokenInfo(jti, userId, use, parentJti, family, name, scopes, ttlSeconds, mintedBy, createdAt,
                expiresAt, revokedAt, latest, useCount + extraUses);
    }
}

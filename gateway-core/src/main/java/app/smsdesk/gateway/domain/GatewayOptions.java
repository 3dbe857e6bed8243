package app.smsdesk.gateway.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Gateway-wide settings an admin can change (the console's "Gateway" settings).
 *
 * @param jwtEnabled whether JWTs are minted and accepted
 * @param defaultTokenTtl lifetime of a token minted without {@code ttl}
 * @param maxTokenTtl longest lifetime a client may request (longer requests are refused, never clamped)
 * @param refreshTokenTtl lifetime of refresh tokens (at least the access lifetime)
 * @param defaultRegion ISO 3166 region used to read phone numbers written without {@code +}
 * @param messageRetentionDays finished messages older than this are deleted; 0 keeps them forever
 */
public record GatewayOptions(boolean jwtEnabled, Duration defaultTokenTtl, Duration maxTokenTtl,
                             Duration refreshTokenTtl, String defaultRegion, int messageRetentionDays) {
    public GatewayOptions {
        Objects.requireNonNull(defaultRegion);
        if (defaultTokenTtl.isNegative() || defaultTokenTtl.isZero()) {
            throw new ValidationException("defaultTokenTtl: must be positive");
        }
        if (maxTokenTtl.compareTo(defaultTokenTtl) < 0) {
            throw new ValidationException("maxTokenTtl: must be at least the default token TTL");
        }
        if (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()) {
            throw new ValidationException("refreshTokenTtl: must be positive");
        }
        if (!defaultRegion.matches("[A-Z]{2}")) {
            throw new ValidationException("defaultRegion: must be a two-letter region code such as US or DE");
        }
        if (messageRetentionDays < 0) {
            throw new ValidationException("messageRetentionDays: must be 0 (keep) or more");
        }
    }

    public static GatewayOptions defaults(String region) {
        return new GatewayOptions(true, Duration.ofHours(1), Duration.ofDays(365), Duration.ofDays(30), region, 0);
    }

    public GatewayOptions withJwtEnabled(boolean enabled) {
        return new GatewayOptions(enabled, defaultTokenTtl, maxTokenTtl, refreshTokenTtl, defaultRegion,
                messageRetentionDays);
    }
}

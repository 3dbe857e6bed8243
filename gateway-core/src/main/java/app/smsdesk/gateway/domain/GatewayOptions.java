package app.smsdesk.gateway.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Gateway-wide settings an admin can change (the console's "Gateway" settings).
 *
 * @param jwtEnabled whether JWTs are minted and accepted
 * @param defaultTokenTtl lifetime of a token minted without {@code ttl}
 * @param maxTokenTtl longest lifetime a client may request (longer requests are refused, never clamped); never
 *                    above {@link #TOKEN_TTL_CEILING}
 * @param refreshTokenTtl lifetime of refresh tokens (at least the access lifetime)
 * @param defaultRegion ISO 3166 region used to read phone numbers written without {@code +}
 * @param messageRetentionDays finished messages older than this are deleted; 0 keeps them forever
 * @param phoneApproval whether a phone registered with the private token waits for the admin's approval
 * @param logRetentionDays event-log entries older than this are deleted (at least 1)
 * @param logRetentionEntries the event log keeps at most this many entries, the newest (at least 1,000)
 */
public record GatewayOptions(boolean jwtEnabled, Duration defaultTokenTtl, Duration maxTokenTtl,
                             Duration refreshTokenTtl, String defaultRegion, int messageRetentionDays,
                             boolean phoneApproval, int logRetentionDays, int logRetentionEntries) {
    /** No setting allows a token to live longer than this. */
    public static final Duration TOKEN_TTL_CEILING = Duration.ofDays(365);
    public static final Duration DEFAULT_MAX_TOKEN_TTL = Duration.ofDays(30);
    public static final int DEFAULT_LOG_RETENTION_DAYS = 90;
    public static final int DEFAULT_LOG_RETENTION_ENTRIES = 200_000;
    public static final int MIN_LOG_RETENTION_ENTRIES = 1_000;
    public static final int MAX_LOG_RETENTION_ENTRIES = 10_000_000;

    public GatewayOptions {
        Objects.requireNonNull(defaultRegion);
        Objects.requireNonNull(defaultTokenTtl);
        Objects.requireNonNull(maxTokenTtl);
        Objects.requireNonNull(refreshTokenTtl);
        if (defaultTokenTtl.isNegative() || defaultTokenTtl.isZero()) {
            throw new ValidationException("defaultTokenTtl: must be positive");
        }
        if (maxTokenTtl.compareTo(defaultTokenTtl) < 0) {
            throw new ValidationException("maxTokenTtl: must be at least the default token TTL");
        }
        if (maxTokenTtl.compareTo(TOKEN_TTL_CEILING) > 0) {
            throw new ValidationException("maxTokenTtl: at most 365 days");
        }
        if (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()) {
            throw new ValidationException("refreshTokenTtl: must be positive");
        }
        if (refreshTokenTtl.compareTo(TOKEN_TTL_CEILING) > 0) {
            throw new ValidationException("refreshTokenTtl: at most 365 days");
        }
        if (!defaultRegion.matches("[A-Z]{2}")) {
            throw new ValidationException("defaultRegion: must be a two-letter region code such as US or DE");
        }
        if (messageRetentionDays < 0) {
            throw new ValidationException("messageRetentionDays: must be 0 (keep) or more");
        }
        if (logRetentionDays < 1 || logRetentionDays > 3650) {
            throw new ValidationException("logRetentionDays: must be 1 to 3650");
        }
        if (logRetentionEntries < MIN_LOG_RETENTION_ENTRIES || logRetentionEntries > MAX_LOG_RETENTION_ENTRIES) {
            throw new ValidationException("logRetentionEntries: must be " + MIN_LOG_RETENTION_ENTRIES + " to "
                    + MAX_LOG_RETENTION_ENTRIES);
        }
    }

    public static GatewayOptions defaults(String region) {
        return new GatewayOptions(true, Duration.ofHours(1), DEFAULT_MAX_TOKEN_TTL, Duration.ofDays(30), region, 0,
                true, DEFAULT_LOG_RETENTION_DAYS, DEFAULT_LOG_RETENTION_ENTRIES);
    }

    public GatewayOptions withJwtEnabled(boolean enabled) {
        return new GatewayOptions(enabled, defaultTokenTtl, maxTokenTtl, refreshTokenTtl, defaultRegion,
                messageRetentionDays, phoneApproval, logRetentionDays, logRetentionEntries);
    }

    /** The same settings with other token lifetimes. */
    public GatewayOptions withTokenTtls(Duration defaultTtl, Duration maxTtl, Duration refreshTtl) {
        return new GatewayOptions(jwtEnabled, defaultTtl, maxTtl, refreshTtl, defaultRegion,
                messageRetentionDays, phoneApproval, logRetentionDays, logRetentionEntries);
    }

    public GatewayOptions withPhoneApproval(boolean required) {
        return new GatewayOptions(jwtEnabled, defaultTokenTtl, maxTokenTtl, refreshTokenTtl, defaultRegion,
                messageRetentionDays, required, logRetentionDays, logRetentionEntries);
    }

    public GatewayOptions withLogRetention(int days, int entries) {
        return new GatewayOptions(jwtEnabled, defaultTokenTtl, maxTokenTtl, refreshTokenTtl, defaultRegion,
                messageRetentionDays, phoneApproval, days, entries);
    }
}

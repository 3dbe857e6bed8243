package app.smsdesk.gateway;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a gateway.
 *
 * @param host address to bind
 * @param port port to bind; 0 picks a free one
 * @param dataDir directory for the database and secrets
 * @param jwtEnabled overrides (and stores) the JWT setting when not null
 * @param adminUsername login of the primary account created on first start
 * @param adminPassword its password, or null to generate one (shown once)
 * @param privateToken the phones' registration key, or null to generate one on first start (shown once)
 * @param clock time source
 */
public record GatewayConfig(String host, int port, Path dataDir, Boolean jwtEnabled, String adminUsername,
                            String adminPassword, String privateToken, Clock clock) {
    public static final int DEFAULT_PORT = 3000;

    public GatewayConfig {
        Objects.requireNonNull(host);
        Objects.requireNonNull(dataDir);
        Objects.requireNonNull(clock);
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
    }

    /** Defaults: all interfaces, port 3000, {@code ~/.smsdesk}, secrets from the environment. */
    public static GatewayConfig fromEnvironment(Map<String, String> env) {
        return new GatewayConfig("0.0.0.0", DEFAULT_PORT, Path.of(System.getProperty("user.home"), ".smsdesk"), null,
                env.get("SMSDESK_ADMIN_USERNAME"), emptyToNull(env.get("SMSDESK_ADMIN_PASSWORD")),
                emptyToNull(env.get("SMSDESK_PRIVATE_TOKEN")), Clock.systemUTC());
    }

    public GatewayConfig withHost(String h) {
        return new GatewayConfig(h, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock);
    }

    public GatewayConfig withPort(int p) {
        return new GatewayConfig(host, p, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock);
    }

    public GatewayConfig withDataDir(Path d) {
        return new GatewayConfig(host, port, d, jwtEnabled, adminUsername, adminPassword, privateToken, clock);
    }

    public GatewayConfig withJwtEnabled(Boolean j) {
        return new GatewayConfig(host, port, dataDir, j, adminUsername, adminPassword, privateToken, clock);
    }

    public GatewayConfig withClock(Clock c) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, c);
    }

    public GatewayConfig withAdmin(String username, String password) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, username, password, privateToken, clock);
    }

    public GatewayConfig withPrivateToken(String token) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, token, clock);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

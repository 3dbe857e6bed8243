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
 * @param httpsPort port of the HTTPS listener phones use; 0 picks a free one, {@link #HTTPS_OFF} turns it off
 */
public record GatewayConfig(String host, int port, Path dataDir, Boolean jwtEnabled, String adminUsername,
                            String adminPassword, String privateToken, Clock clock, int httpsPort) {
    public static final int DEFAULT_PORT = 3000;
    public static final int DEFAULT_HTTPS_PORT = 3443;
    /** {@link #httpsPort()} value for "no HTTPS listener". */
    public static final int HTTPS_OFF = -1;

    public GatewayConfig {
        Objects.requireNonNull(host);
        Objects.requireNonNull(dataDir);
        Objects.requireNonNull(clock);
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (httpsPort < HTTPS_OFF || httpsPort > 65_535) {
            throw new IllegalArgumentException("httpsPort must be 0..65535 (or -1 for off)");
        }
    }

    /**
     * Without an explicit HTTPS port: a free one when {@code port} is 0 (tests, embedding), else
     * {@link #DEFAULT_HTTPS_PORT}.
     */
    public GatewayConfig(String host, int port, Path dataDir, Boolean jwtEnabled, String adminUsername,
                         String adminPassword, String privateToken, Clock clock) {
        this(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock,
                port == 0 ? 0 : DEFAULT_HTTPS_PORT);
    }

    /**
     * Defaults: all interfaces, ports 3000 (HTTP) and 3443 (HTTPS), {@code ~/.smsdesk}, secrets from the
     * environment.
     */
    public static GatewayConfig fromEnvironment(Map<String, String> env) {
        return new GatewayConfig("0.0.0.0", DEFAULT_PORT, Path.of(System.getProperty("user.home"), ".smsdesk"), null,
                env.get("SMSDESK_ADMIN_USERNAME"), emptyToNull(env.get("SMSDESK_ADMIN_PASSWORD")),
                emptyToNull(env.get("SMSDESK_PRIVATE_TOKEN")), Clock.systemUTC(), DEFAULT_HTTPS_PORT);
    }

    public GatewayConfig withHost(String h) {
        return new GatewayConfig(h, port, dataDir, jwtEnabled, adminUsername,
                adminPassword, privateToken, clock, httpsPort);
    }

    public GatewayConfig withPort(int p) {
        return new GatewayConfig(host, p, dataDir, jwtEnabled, adminUsername,
                adminPassword, privateToken, clock, httpsPort);
    }

    public GatewayConfig withDataDir(Path d) {
        return new GatewayConfig(host, port, d, jwtEnabled, adminUsername,
                adminPassword, privateToken, clock, httpsPort);
    }

    public GatewayConfig withJwtEnabled(Boolean j) {
        return new GatewayConfig(host, port, dataDir, j, adminUsername, adminPassword, privateToken, clock, httpsPort);
    }

    public GatewayConfig withClock(Clock c) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername,
                adminPassword, privateToken, c, httpsPort);
    }

    public GatewayConfig withAdmin(String username, String password) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, username, password, privateToken, clock, httpsPort);
    }

    public GatewayConfig withPrivateToken(String token) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername,
                adminPassword, token, clock, httpsPort);
    }

    public GatewayConfig withHttpsPort(int p) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock, p);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

package app.smsdesk.gateway;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a gateway.
 *
 * @param host address of the plain-HTTP API listener (programs on this computer); loopback by default, because
 *             plain HTTP would carry passwords and tokens across the LAN in clear
 * @param port port to bind; 0 picks a free one
 * @param dataDir directory for the database and secrets
 * @param jwtEnabled overrides (and stores) the JWT setting when not null
 * @param adminUsername login of the primary account created on first start
 * @param adminPassword its password, or null to generate one (shown once)
 * @param privateToken the phones' registration key, or null to generate one on first start (shown once)
 * @param clock time source
 * @param httpsPort port of the HTTPS listener phones use; 0 picks a free one, {@link #HTTPS_OFF} turns it off
 * @param httpsHost address of the HTTPS listener and of the CA download (phones on the LAN)
 * @param caPort port of the plain-HTTP listener that serves only the CA certificate (a phone downloads it before
 *               it trusts HTTPS); 0 picks a free one, {@link #HTTPS_OFF} turns it off
 * @param allowedHosts host names besides this computer's own names and addresses that requests may name in
 *                     their {@code Host} header (a name in DNS or a reverse proxy's)
 * @param phoneApproval overrides (and stores) whether phones registered with the private token wait for
 *                      approval, when not null
 */
public record GatewayConfig(String host, int port, Path dataDir, Boolean jwtEnabled, String adminUsername,
                            String adminPassword, String privateToken, Clock clock, int httpsPort,
                            String httpsHost, int caPort, List<String> allowedHosts, Boolean phoneApproval) {
    public static final int DEFAULT_PORT = 3000;
    public static final int DEFAULT_HTTPS_PORT = 3443;
    public static final int DEFAULT_CA_PORT = 3080;
    public static final String LOOPBACK = "127.0.0.1";
    public static final String ALL_ADDRESSES = "0.0.0.0";
    /** {@link #httpsPort()} and {@link #caPort()} value for "no such listener". */
    public static final int HTTPS_OFF = -1;
    /** Shortest private token accepted from the environment (audit F17: {@code SMSDESK_PRIVATE_TOKEN=1} worked). */
    public static final int MIN_PRIVATE_TOKEN_LENGTH = 16;
    /** Fewest different characters in it: sixteen times the same letter is not a secret. */
    private static final int MIN_DISTINCT_TOKEN_CHARS = 6;

    public GatewayConfig {
        Objects.requireNonNull(host);
        Objects.requireNonNull(httpsHost);
        Objects.requireNonNull(dataDir);
        Objects.requireNonNull(clock);
        allowedHosts = List.copyOf(allowedHosts);
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (httpsPort < HTTPS_OFF || httpsPort > 65_535) {
            throw new IllegalArgumentException("httpsPort must be 0..65535 (or -1 for off)");
        }
        if (caPort < HTTPS_OFF || caPort > 65_535) {
            throw new IllegalArgumentException("caPort must be 0..65535 (or -1 for off)");
        }
    }

    /**
     * Why the secrets given to this start are too weak to use, if they are: the admin password needs as many
     * characters as a password change does, the private token {@link #MIN_PRIVATE_TOKEN_LENGTH} varied ones.
     * Checked on every start, so a weak secret in a start script is noticed even when the stored one is used.
     */
    public Optional<String> weakSecret() {
        int minPassword = app.smsdesk.gateway.service.AccountService.MIN_PASSWORD_LENGTH;
        if (adminPassword != null && adminPassword.length() < minPassword) {
            return Optional.of("SMSDESK_ADMIN_PASSWORD: at least " + minPassword + " characters are required");
        }
        if (privateToken != null && (privateToken.length() < MIN_PRIVATE_TOKEN_LENGTH
                || privateToken.chars().distinct().count() < MIN_DISTINCT_TOKEN_CHARS)) {
            return Optional.of("SMSDESK_PRIVATE_TOKEN: at least " + MIN_PRIVATE_TOKEN_LENGTH
                    + " random characters are required (leave it unset to have one generated)");
        }
        return Optional.empty();
    }

    /**
     * Everything on {@code host} (tests, embedding): HTTPS and the CA download too, each on a free port when
     * {@code port} is 0, else on the default ports.
     */
    public GatewayConfig(String host, int port, Path dataDir, Boolean jwtEnabled, String adminUsername,
                         String adminPassword, String privateToken, Clock clock) {
        this(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock,
                port == 0 ? 0 : DEFAULT_HTTPS_PORT, host, port == 0 ? 0 : DEFAULT_CA_PORT, List.of(), null);
    }

    /**
     * Defaults: the API over plain HTTP on loopback only (port 3000), HTTPS for phones (3443) and the CA
     * download (3080) on all addresses, {@code ~/.smsdesk}, secrets and extra host names from the environment.
     */
    public static GatewayConfig fromEnvironment(Map<String, String> env) {
        return new GatewayConfig(LOOPBACK, DEFAULT_PORT, Path.of(System.getProperty("user.home"), ".smsdesk"), null,
                env.get("SMSDESK_ADMIN_USERNAME"), emptyToNull(env.get("SMSDESK_ADMIN_PASSWORD")),
                emptyToNull(env.get("SMSDESK_PRIVATE_TOKEN")), Clock.systemUTC(), DEFAULT_HTTPS_PORT, ALL_ADDRESSES,
                DEFAULT_CA_PORT, names(env.get("SMSDESK_ALLOWED_HOSTS")), null);
    }

    /** Whether the plain-HTTP API is reachable from other computers (only when an admin asked for it). */
    public boolean plainHttpOnNetwork() {
        return !host.startsWith("127.") && !host.equals("::1") && !host.equalsIgnoreCase("localhost");
    }

    /** Everything (plain HTTP, HTTPS and the CA download) on {@code h}. */
    public GatewayConfig withHost(String h) {
        return new GatewayConfig(h, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock,
                httpsPort, h, caPort, allowedHosts, phoneApproval);
    }

    /** HTTPS and the CA download on {@code h} (the plain-HTTP API stays where it is). */
    public GatewayConfig withHttpsHost(String h) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock,
                httpsPort, h, caPort, allowedHosts, phoneApproval);
    }

    public GatewayConfig withPort(int p) {
        return new GatewayConfig(host, p, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock,
                httpsPort, httpsHost, caPort, allowedHosts, phoneApproval);
    }

    public GatewayConfig withDataDir(Path d) {
        return new GatewayConfig(host, port, d, jwtEnabled, adminUsername, adminPassword, privateToken, clock,
                httpsPort, httpsHost, caPort, allowedHosts, phoneApproval);
    }

    public GatewayConfig withJwtEnabled(Boolean j) {
        return new GatewayConfig(host, port, dataDir, j, adminUsername, adminPassword, privateToken, clock,
                httpsPort, httpsHost, caPort, allowedHosts, phoneApproval);
    }

    public GatewayConfig withClock(Clock c) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, c,
                httpsPort, httpsHost, caPort, allowedHosts, phoneApproval);
    }

    public GatewayConfig withAdmin(String username, String password) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, username, password, privateToken, clock,
                httpsPort, httpsHost, caPort, allowedHosts, phoneApproval);
    }

    public GatewayConfig withPrivateToken(String token) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, token, clock,
                httpsPort, httpsHost, caPort, allowedHosts, phoneApproval);
    }

    public GatewayConfig withHttpsPort(int p) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock,
                p, httpsHost, caPort, allowedHosts, phoneApproval);
    }

    public GatewayConfig withCaPort(int p) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock,
                httpsPort, httpsHost, p, allowedHosts, phoneApproval);
    }

    public GatewayConfig withPhoneApproval(Boolean approval) {
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock,
                httpsPort, httpsHost, caPort, allowedHosts, approval);
    }

    /** Also accepts requests naming {@code name} in their Host header. */
    public GatewayConfig withAllowedHost(String name) {
        List<String> more = new java.util.ArrayList<>(allowedHosts);
        more.add(name);
        return new GatewayConfig(host, port, dataDir, jwtEnabled, adminUsername, adminPassword, privateToken, clock,
                httpsPort, httpsHost, caPort, more, phoneApproval);
    }

    private static List<String> names(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

package app.smsdesk.gateway.auth;

import app.smsdesk.gateway.domain.UnauthorizedException;
import app.smsdesk.gateway.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic login against the bcrypt hashes, with successful checks cached for an hour under a SHA-256 of the
 * credentials, so repeated requests cost a hash lookup instead of a 70 ms bcrypt verify. Failed logins are
 * throttled per client address and per login ({@link LoginThrottle}).
 */
public final class BasicAuthenticator {
    /** The client address of checks that do not come over the network (the console's sign-in). */
    public static final String IN_PROCESS = "in-process";
    private static final long CACHE_MILLIS = 3_600_000L;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final String dummyHash;
    private final ConcurrentHashMap<String, CachedLogin> cache = new ConcurrentHashMap<>();
    private final LoginThrottle throttle;

    private record CachedLogin(String userId, long expiresAt) {
    }

    public BasicAuthenticator(UserStore users, PasswordHasher hasher, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
        this.dummyHash = hasher.hash(Secrets.password(16));
    }

    /**
     * Verifies {@code Basic base64(login:password)} credentials (without the scheme) from {@code clientAddress}
     * and returns the login.
     */
    public String authenticate(String encoded, String clientAddress) {
        Credentials c = decode(encoded);
        if (c == null) {
            throw new UnauthorizedException("malformed Basic credentials");
        }
        return check(c.login(), c.password(), clientAddress);
    }

    private record Credentials(String login, String password) {
    }

    /** {@code base64(login:password)}, or null when malformed. */
    private static Credentials decode(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /**
     * Verifies a login and password coming from {@code clientAddress} and returns the login. Credentials that
     * passed recently are accepted without a throttle check: a guesser at the same address (a NAT, a shared
     * desktop) must not lock out a client already signed in (audit F4). Otherwise 429 while that address is
     * throttled, even for the right password (else a throttled guesser would learn it). The console
     * ({@link #IN_PROCESS}) has an address bucket of its own that nobody on the network can drain.
     */
    public String check(String login, String password, String clientAddress) {
        String key = cacheKey(login, password);
        CachedLogin cached = cache.get(key);
        long now = clock.millis();
        if (cached != null && cached.expiresAt() > now) {
            return cached.userId();
        }
        throttle.check(clientAddress, login);
        String hash = users.passwordHash(login).orElse(null);
        // Verify against a dummy hash for unknown users so timing does not reveal which logins exist.
        boolean ok = hasher.verify(password, hash == null ? dummyHash : hash) && hash != null;
        if (!ok) {
            throttle.failed(clientAddress, login);
            throw new UnauthorizedException(hash == null ? "unknown login (" + login.length() + " characters)"
                    : "wrong password for '" + login + "'");
        }
        throttle.succeeded(clientAddress, login);
        cache.put(key, new CachedLogin(login, now + CACHE_MILLIS));
        return login;
    }

    /** Whether these {@code Basic} credentials (without the scheme) passed recently, so checking them skips bcrypt. */
    public boolean isRemembered(String encoded) {
        Credentials c = decode(encoded);
        CachedLogin cached = c == null ? null : cache.get(cacheKey(c.login(), c.password()));
        return cached != null && cached.expiresAt() > clock.millis();
    }

    /** Drops cached logins of an account (after a password change). */
    public void forget(String userId) {
        cache.values().removeIf(c -> c.userId().equals(userId));
    }

    private static String cacheKey(String login, String password) {
        return Base64.getEncoder().encodeToString(Secrets.sha256(login + '\0' + password));
    }
}

package app.smsdesk.gateway.auth;

import app.smsdesk.gateway.domain.AuthMethod;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.domain.UnauthorizedException;
import java.time.Clock;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Turns an {@code Authorization} header into a {@link Principal}: Basic (scopes {@code all:any}) or a Bearer
 * JWT (its scopes), checking revocation in memory and counting the token's use without touching the database.
 */
public final class Authenticator {
    private final BasicAuthenticator basic;
    private final JwtCodec jwt;
    private final KnownTokens known;
    private final TokenUsageTracker usage;
    private final BooleanSupplier jwtEnabled;
    private final Predicate<String> accountExists;
    private final Clock clock;
    private final RefusalLog refusals = new RefusalLog();
    private final TokenGuardBook guards;

    /**
     * @param accountExists whether a token's account still exists (a deleted account's tokens are refused even
     *                      after a restart, when their revocations went with the account)
     */
    public Authenticator(BasicAuthenticator basic, JwtCodec jwt, KnownTokens known,
                         TokenUsageTracker usage, BooleanSupplier jwtEnabled, Predicate<String> accountExists,
                         Clock clock) {
        this(basic, jwt, known, usage, jwtEnabled, accountExists, clock, new TokenGuardBook());
    }

    /** @param guards the per-token guards checked on every request of a guarded token */
    public Authenticator(BasicAuthenticator basic, JwtCodec jwt, KnownTokens known,
                         TokenUsageTracker usage, BooleanSupplier jwtEnabled, Predicate<String> accountExists,
                         Clock clock, TokenGuardBook guards) {
        this.guards = guards;
        this.basic = basic;
        this.jwt = jwt;
        this.known = known;
        this.usage = usage;
        this.jwtEnabled = jwtEnabled;
        this.accountExists = accountExists;
        this.clock = clock;
    }

    /** The refusals of genuine tokens, for "why was I refused?". */
    public RefusalLog refusals() {
        return refusals;
    }

    /** Records a refusal of the genuine token {@code tokenId}, now. */
    public void refused(String tokenId, String reason, String address, String request) {
        refusals.record(new app.smsdesk.gateway.domain.Refusal(clock.instant(), tokenId, reason, address, request));
    }

    /** The caller of a request from {@code clientAddress} (failed Basic logins are throttled per address). */
    public Principal authenticate(String authorization, String clientAddress) {
        if (authorization == null || authorization.isBlank()) {
            throw new UnauthorizedException("no credentials");
        }
        String header = authorization.strip();
        if (startsWithIgnoreCase(header, "Basic ")) {
            String login = basic.authenticate(header.substring(6), clientAddress);
            return new Principal(login, Set.of(Scopes.ALL), null, AuthMethod.BASIC, clientAddress);
        }
        if (startsWithIgnoreCase(header, "Bearer ")) {
            return bearer(header.substring(7).strip(), clientAddress);
        }
        throw new UnauthorizedException("unsupported authorization scheme");
    }

    /**
     * Whether checking this header costs microseconds (a JWT, remembered Basic credentials, none at all) rather
     * than a bcrypt verify of about 70 ms; the HTTP layer keeps the expensive ones off its small read pools.
     */
    public boolean isCheap(String authorization) {
        if (authorization == null) {
            return true;
        }
        String header = authorization.strip();
        return !startsWithIgnoreCase(header, "Basic ") || basic.isRemembered(header.substring(6));
    }

    private Principal bearer(String token, String clientAddress) {
        if (!jwtEnabled.getAsBoolean()) {
            throw new UnauthorizedException("Bearer token while JWT is disabled");
        }
        JwtCodec.Claims claims = jwt.verify(token);
        refuseUnlessAccepted(claims, "JWT");
        if (!accountExists.test(claims.userId())) {
            throw new UnauthorizedException("JWT " + claims.jti() + " of an account that does not exist", "account",
                    claims.jti());
        }
        guards.of(claims.jti()).ifPresent(g -> g.guards().checkAccess(clientAddress, clock.instant(), claims.jti()));
        usage.recordUse(claims.jti(), clock.instant());
        return new Principal(claims.userId(), Set.copyOf(claims.scopes()), claims.jti(), AuthMethod.JWT,
                clientAddress);
    }

    /** Notes that a token passed the scope check of a route needing {@code scope}. */
    public void usedScope(Principal principal, String scope) {
        if (principal.tokenId() != null) {
            usage.recordScope(principal.tokenId(), scope, clock.instant());
        }
    }

    /** Only tokens in the inventory and not revoked pass: an allow-list (audit F7), not only a deny-list. */
    private void refuseUnlessAccepted(JwtCodec.Claims claims, String what) {
        if (known.isRevoked(claims.jti())) {
            throw new UnauthorizedException("revoked " + what + " " + claims.jti(), "revoked", claims.jti());
        }
        String why = known.whyNotCurrent(claims.jti());
        if ("unknown".equals(why)) {
            throw new UnauthorizedException(what + " " + claims.jti() + " is not in the token inventory", why,
                    claims.jti());
        }
        if (why != null) {
            throw new UnauthorizedException(what + " " + claims.jti() + " was rolled and its grace period is over",
                    why, claims.jti());
        }
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}

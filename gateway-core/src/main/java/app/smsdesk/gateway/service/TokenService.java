package app.smsdesk.gateway.service;

import app.smsdesk.gateway.auth.BasicAuthenticator;
import app.smsdesk.gateway.auth.JwtCodec;
import app.smsdesk.gateway.auth.KnownTokens;
import app.smsdesk.gateway.auth.RefusalLog;
import app.smsdesk.gateway.auth.TokenUsageTracker;
import app.smsdesk.gateway.domain.AuthMethod;
import app.smsdesk.gateway.domain.ConflictException;
import app.smsdesk.gateway.domain.FeatureDisabledException;
import app.smsdesk.gateway.domain.ForbiddenException;
import app.smsdesk.gateway.domain.GatewayOptions;
import app.smsdesk.gateway.domain.HygieneFinding;
import app.smsdesk.gateway.domain.Ids;
import app.smsdesk.gateway.domain.NotFoundException;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.Refusal;
import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.domain.TokenInfo;
import app.smsdesk.gateway.domain.UnauthorizedException;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.auth.TokenGuardBook;
import app.smsdesk.gateway.domain.TokenGuards;
import app.smsdesk.gateway.store.GuardStore;
import app.smsdesk.gateway.store.TokenStore;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Mints, refreshes, revokes and lists JWTs. Every issued token is recorded in the inventory (never the token
 * itself); revocation updates the in-memory list at once, so it holds from the very next request.
 */
public final class TokenService {
    static final String DISABLED = "token service disabled, contact your administrator";
    public static final int MAX_NAME_LENGTH = 100;

    private final TokenStore store;
    private final JwtCodec jwt;
    private final BasicAuthenticator basic;
    private final KnownTokens known;
    private final RefusalLog refusalLog;
    private final TokenUsageTracker usage;
    private final GatewaySettingsService settings;
    private final EventLogService log;
    private final Clock clock;
    private final Object usageFlush = new Object();
    private final GuardStore guardStore;
    private final TokenGuardBook guardBook;

    /**
     * What a client asks for. {@code ttlSeconds} null or 0 means the default lifetime; {@code guards} null means
     * none (or, for a token minted by a guarded token, its minter's).
     */
    public record MintRequest(List<String> scopes, Long ttlSeconds, String name, TokenGuards guards) {
        public MintRequest(List<String> scopes, Long ttlSeconds, String name) {
            this(scopes, ttlSeconds, name, null);
        }
    }

    /** A freshly issued pair; the token strings exist only in this answer. */
    public record IssuedTokens(TokenInfo access, String accessToken, TokenInfo refresh, String refreshToken) {
    }

    /** {@code refusalLog} is the authenticator's, so the console can show a token's refusals. */
    public TokenService(TokenStore store, JwtCodec jwt, BasicAuthenticator basic,
                        KnownTokens known, TokenUsageTracker usage,
                        GatewaySettingsService settings, EventLogService log, Clock clock,
                        RefusalLog refusalLog, GuardStore guardStore, TokenGuardBook guardBook) {
        this.guardStore = guardStore;
        this.guardBook = guardBook;
        this.refusalLog = refusalLog;
        this.store = store;
        this.jwt = jwt;
        this.basic = basic;
        this.known = known;
        this.usage = usage;
        this.settings = settings;
        this.log = log;
        this.clock = clock;
    }

    /** Loads the unexpired inventory (issued and revoked token ids) into memory; called once at start. */
    public void loadKnownTokens() {
        Map<String, GuardStore.Guarded> guards = guardStore.all();
        store.unexpired(clock.instant()).forEach(t -> {
            if (t.revokedAt() != null) {
                known.revoked(t.jti(), t.expiresAt());
            } else {
                known.issued(t.jti(), t.expiresAt());
                guardBook.put(t.jti(), guards.get(t.family()));
            }
        });
    }

    private void remember(IssuedTokens pair, GuardStore.Guarded guarded) {
        known.issued(pair.access().jti(), pair.access().expiresAt());
        known.issued(pair.refresh().jti(), pair.refresh().expiresAt());
        guardBook.put(pair.access().jti(), guarded);
        guardBook.put(pair.refresh().jti(), guarded);
    }

    private void forget(List<TokenInfo> revoked) {
        revoked.forEach(t -> {
            known.revoked(t.jti(), t.expiresAt());
            guardBook.forget(t.jti());
        });
    }

    /**
     * The guards of a new family: those asked for, or, when a guarded token mints, its own (and its budget): a
     * token cannot mint its way around its guards. Null for none. Stored before the tokens, so no token of the
     * family ever exists unguarded.
     */
    private GuardStore.Guarded guardsOfNewFamily(Principal caller, TokenGuards asked, String family) {
        GuardStore.Guarded minter = caller.method() == AuthMethod.JWT ? guardBook.of(caller.tokenId()).orElse(null)
                : null;
        GuardStore.Guarded guarded = null;
        if (minter != null) {
            if (asked != null && !asked.isEmpty() && !asked.equals(minter.guards())) {
                throw new ValidationException("guards: a token minted by a guarded token gets that token's guards; "
                        + "leave guards out");
            }
            guarded = new GuardStore.Guarded(family, minter.guards(), minter.budgetKey());
        } else if (asked != null && !asked.isEmpty()) {
            guarded = new GuardStore.Guarded(family, asked, family);
        }
        if (guarded != null) {
            guardStore.put(guarded, clock.instant());
        }
        return guarded;
    }

    public IssuedTokens mint(Principal caller, MintRequest request) {
        requireEnabled();
        List<String> scopes = validScopes(request.scopes());
        if (caller.method() == AuthMethod.JWT && !Scopes.isSubset(scopes, caller.scopes())) {
            List<String> missing = scopes.stream().filter(s -> !caller.scopes().contains(s)).toList();
            throw new ForbiddenException("a token can only grant scopes its creator holds; missing: "
                    + String.join(", ", missing));
        }
        Duration ttl = validTtl(request.ttlSeconds());
        String name = validName(request.name());
        // JWT times are whole seconds; the inventory and the response use the same instants.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String family = Ids.newId();
        IssuedTokens issued = issuePair(caller.userId(), scopes, ttl, name, family, caller.actor(), now,
                familyDeadline(caller, ttl, now));
        GuardStore.Guarded guarded = guardsOfNewFamily(caller, request.guards(), family);
        store.insertAll(List.of(issued.access(), issued.refresh()));
        remember(issued, guarded);
        log.audit(caller, "tokens", "token minted", context(issued.access(), caller.actor()));
        return issued;
    }

    /**
     * When a new token family ends for good: its refresh lifetime from now (refreshing never extends it, so a
     * family cannot live forever without anyone signing in), and for a token minted by a token no later than
     * that token expires (audit F5). Such a child gets the rest of its parent's life rather than an error, since
     * that rest shrinks every second and a client asking for a fixed lifetime would otherwise fail at random.
     */
    private Instant familyDeadline(Principal caller, Duration ttl, Instant now) {
        Duration refreshTtl = settings.get().refreshTokenTtl().compareTo(ttl) > 0
                ? settings.get().refreshTokenTtl() : ttl;
        Instant deadline = now.plus(refreshTtl);
        if (caller.method() == AuthMethod.JWT) {
            Instant parentExpiry = known.expiryOf(caller.tokenId()).orElse(now);
            if (!parentExpiry.isAfter(now)) {
                throw new UnauthorizedException("the minting token " + caller.tokenId() + " has expired");
            }
            deadline = parentExpiry.isBefore(deadline) ? parentExpiry : deadline;
        }
        return deadline;
    }

    /** A token pair: the access token lives {@code ttl} but no longer than the refresh token, which ends at
     * {@code deadline}. */
    private IssuedTokens issuePair(String userId, List<String> scopes, Duration ttl, String name, String family,
                                   String mintedBy, Instant now, Instant deadline) {
        Instant accessExpiry = now.plus(ttl).isBefore(deadline) ? now.plus(ttl) : deadline;
        Instant refreshExpiry = deadline;
        String accessJti = Ids.newId();
        String refreshJti = Ids.newId();
        TokenInfo access = new TokenInfo(accessJti, userId, "access", null, family, name, scopes,
                ttl.toSeconds(), mintedBy, now, accessExpiry, null, null, 0);
        TokenInfo refresh = new TokenInfo(refreshJti, userId, "refresh", accessJti, family, name, scopes,
                ttl.toSeconds(), mintedBy, now, refreshExpiry, null, null, 0);
        String accessToken = jwt.sign(accessJti, userId, scopes, null, now, accessExpiry);
        String refreshToken = jwt.sign(refreshJti, userId, List.of(Scopes.TOKENS_REFRESH), scopes, now,
                refreshExpiry);
        return new IssuedTokens(access, accessToken, refresh, refreshToken);
    }

    /**
     * Rotates a refresh token given as the request's {@code Authorization} header. A refresh token that was
     * already used (a replay) revokes its whole family: whoever holds a copy loses it too.
     */
    public IssuedTokens refresh(String authorization, String clientAddress) {
        requireEnabled();
        JwtCodec.Claims claims = refreshClaims(authorization, clientAddress);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Optional<GuardStore.Guarded> guarded = guardBook.of(claims.jti());
        guarded.ifPresent(g -> g.guards().checkAccess(clientAddress, clock.instant(), claims.jti()));
        List<IssuedTokens> issued = new ArrayList<>(1);
        TokenStore.Rotation rotation = store.rotateRefresh(claims.jti(), now, old -> {
            // The successor refresh token ends when this one does: the family's absolute lifetime.
            IssuedTokens pair = issuePair(old.userId(), old.scopes(), Duration.ofSeconds(old.ttlSeconds()),
                    old.name(), old.family(), "refresh:" + old.jti(), now, old.expiresAt());
            issued.add(pair);
            return List.of(pair.access(), pair.refresh());
        });
        forget(rotation.revoked());
        switch (rotation.outcome()) {
            case ROTATED -> {
                remember(issued.get(0), guarded.orElse(null));
                log.info(claims.userId(), "tokens", "token refreshed",
                        context(issued.get(0).access(), "refresh:" + claims.jti()));
                return issued.get(0);
            }
            case REPLAYED -> {
                log.warn(claims.userId(), "tokens", "refresh token replayed; token family revoked",
                        Map.of("jti", claims.jti(), "revoked", String.valueOf(rotation.revoked().size())));
                throw new UnauthorizedException("replayed refresh token " + claims.jti());
            }
            case EXPIRED -> throw new UnauthorizedException("expired refresh token " + claims.jti());
            default -> throw new UnauthorizedException("unknown refresh token " + claims.jti());
        }
    }

    private JwtCodec.Claims refreshClaims(String authorization, String clientAddress) {
        if (authorization != null && authorization.strip().regionMatches(true, 0, "Basic ", 0, 6)) {
            basic.authenticate(authorization.strip().substring(6), clientAddress);
            throw new ForbiddenException("scope required: " + Scopes.TOKENS_REFRESH);
        }
        if (authorization == null || !authorization.strip().regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("no refresh token");
        }
        // Signature, issuer and expiry only: a revoked refresh token must reach the replay check below.
        JwtCodec.Claims claims = jwt.verify(authorization.strip().substring(7).strip());
        if (!claims.scopes().contains(Scopes.TOKENS_REFRESH)) {
            throw new ForbiddenException("scope required: " + Scopes.TOKENS_REFRESH);
        }
        if (claims.originalScopes().isEmpty()) {
            throw new UnauthorizedException("token without original_scopes is not a refresh token");
        }
        return claims;
    }

    /** Revokes the caller's token with this jti and its paired refresh token. Unknown ids are not an error. */
    public List<TokenInfo> revoke(Principal caller, String jti) {
        requireEnabled();
        return revokeAny(caller, jti);
    }

    /** The longest grace period of a rolled token. */
    public static final Duration MAX_ROLL_GRACE = Duration.ofDays(7);

    /**
     * Rolls a token: a new one with the same name, scopes and lifetime (within today's maximum), while the old one
     * keeps working for {@code grace}, then dies with its refresh token (which renews nothing beyond it). The new
     * token's
     * {@code minted_by} is {@code roll:<old jti>}, which links the two in the inventory. Only the caller's active
     * access tokens roll.
     */
    public IssuedTokens roll(Principal caller, String jti, Duration grace) {
        return roll(caller, jti, grace, null);
    }

    /**
     * Rolls a token into one with fewer scopes ({@code scopes}, a subset of its own; null keeps them all): the
     * hygiene board's "narrow it".
     */
    public IssuedTokens roll(Principal caller, String jti, Duration grace, List<String> scopes) {
        requireEnabled();
        if (grace == null || grace.isNegative() || grace.compareTo(MAX_ROLL_GRACE) > 0) {
            throw new ValidationException("grace: 0 to " + MAX_ROLL_GRACE.toHours() + " hours");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        TokenInfo old = store.find(jti).filter(t -> t.userId().equals(caller.userId()) && !t.isRefresh())
                .orElseThrow(() -> new NotFoundException("no access token " + jti + " in this account"));
        if (!"active".equals(old.status(now))) {
            throw new ConflictException("token " + jti + " is " + old.status(now) + "; only active tokens roll");
        }
        Duration ttl = Duration.ofSeconds(old.ttlSeconds());
        Duration max = settings.get().maxTokenTtl();
        ttl = ttl.compareTo(max) > 0 ? max : ttl;
        String family = Ids.newId();
        List<String> successorScopes = old.scopes();
        if (scopes != null) {
            successorScopes = validScopes(scopes);
            if (!Scopes.isSubset(successorScopes, java.util.Set.copyOf(old.scopes()))) {
                throw new ValidationException("scopes: a rolled token can only keep or drop scopes of " + jti);
            }
        }
        IssuedTokens issued = issuePair(caller.userId(), successorScopes, ttl, old.name(), family,
                "roll:" + jti, now, familyDeadline(caller, ttl, now));
        // The successor keeps the guards and the day's budget: rolling is no way around either.
        GuardStore.Guarded guarded = guardStore.find(old.family())
                .map(g -> new GuardStore.Guarded(family, g.guards(), g.budgetKey())).orElse(null);
        if (guarded != null) {
            guardStore.put(guarded, clock.instant());
        }
        store.insertAll(List.of(issued.access(), issued.refresh()));
        remember(issued, guarded);
        Instant until = now.plus(grace).isBefore(old.expiresAt()) ? now.plus(grace) : old.expiresAt();
        store.windDown(caller.userId(), jti, until).stream().filter(t -> t.revokedAt() == null)
                .forEach(t -> known.issued(t.jti(), t.expiresAt()));
        log.audit(caller, "tokens", "token rolled", Map.of("jti", jti, "successor", issued.access().jti(),
                "oldTokenUntil", until.toString(), "by", caller.actor(),
                "scopes", String.join(" ", successorScopes)));
        return issued;
    }

    /** The guards of one of the caller's tokens ({@link TokenGuards#none()} when it has none). */
    public TokenGuards guards(Principal caller, String jti) {
        TokenInfo t = ownToken(caller, jti);
        return guardStore.find(t.family()).map(GuardStore.Guarded::guards).orElseGet(TokenGuards::none);
    }

    /** The guards of the caller's guarded token families, by family. */
    public Map<String, TokenGuards> guardsOfAccount(Principal caller) {
        Map<String, TokenGuards> out = new java.util.HashMap<>();
        guardStore.ofUser(caller.userId()).forEach(g -> out.put(g.family(), g.guards()));
        return out;
    }

    /** SMS the caller's token has sent today against its daily budget (0 without a budget). */
    public long budgetUsedToday(Principal caller, String jti) {
        TokenInfo t = ownToken(caller, jti);
        return guardStore.find(t.family()).filter(g -> g.guards().dailyBudget() != null)
                .map(g -> guardStore.used(g.budgetKey(), g.guards().budgetDay(clock.instant()))).orElse(0L);
    }

    /**
     * Replaces the guards of one of the caller's tokens (and of the rest of its family: its refresh token and
     * refreshed successors); they hold from the next request. Empty guards remove them.
     */
    public TokenGuards setGuards(Principal caller, String jti, TokenGuards guards) {
        TokenInfo t = ownToken(caller, jti);
        GuardStore.Guarded before = guardStore.find(t.family()).orElse(null);
        GuardStore.Guarded after = new GuardStore.Guarded(t.family(), guards,
                before == null ? t.family() : before.budgetKey());
        guardStore.put(after, clock.instant());
        Instant now = clock.instant();
        store.family(t.family()).stream().filter(m -> "active".equals(m.status(now)))
                .forEach(m -> guardBook.put(m.jti(), after));
        log.audit(caller, "tokens", "token guards changed", Map.of("jti", jti, "by", caller.actor(),
                "guards", describe(guards)));
        return guards;
    }

    private TokenInfo ownToken(Principal caller, String jti) {
        return store.find(jti).filter(t -> t.userId().equals(caller.userId()))
                .orElseThrow(() -> new NotFoundException("no token " + jti + " in this account"));
    }

    /** {@code more} with each scope's time the later of it and {@code known}'s. */
    private static Map<String, Instant> latest(Map<String, Instant> known, Map<String, Instant> more) {
        Map<String, Instant> out = new java.util.HashMap<>(more);
        if (known != null) {
            known.forEach((scope, at) -> out.merge(scope, at, (a, b) -> a.isAfter(b) ? a : b));
        }
        return out;
    }

    /** One line for the log and the audit trail. */
    static String describe(TokenGuards g) {
        if (g.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (!g.addresses().isEmpty()) {
            parts.add("addresses " + String.join(" ", g.addresses()));
        }
        if (g.dailyBudget() != null) {
            parts.add("budget " + g.dailyBudget() + "/day");
        }
        if (!g.recipientPrefixes().isEmpty()) {
            parts.add("recipients " + String.join(" ", g.recipientPrefixes()));
        }
        if (g.hours() != null) {
            parts.add("hours " + g.hours() + " " + g.timeZone());
        }
        return String.join("; ", parts);
    }

    static final Duration UNUSED_AFTER = Duration.ofDays(30);
    static final Duration EXPIRING_WITHIN = Duration.ofDays(7);
    static final Duration NEW_TOKEN_AGE = Duration.ofDays(1);

    /**
     * The hygiene board: the caller's active access tokens that were never used (a day after minting), not used in
     * 30 days, expire within a week, or hold scopes they did not use in 30 days (least privilege: "narrow it to
     * messages:send"). A token's use counts its whole refresh family. Newest tokens first.
     */
    public List<HygieneFinding> hygiene(Principal caller) {
        Instant now = clock.instant();
        List<TokenInfo> all = inventory(caller);
        Map<String, Map<String, Instant>> scopeUse = guardStore.scopeUseOfUser(caller.userId());
        List<HygieneFinding> out = new ArrayList<>();
        for (TokenInfo t : all) {
            if (t.isRefresh() || !"active".equals(t.status(now))) {
                continue;
            }
            List<TokenInfo> family = all.stream().filter(f -> f.family().equals(t.family()) && !f.isRefresh()).toList();
            long uses = family.stream().mapToLong(TokenInfo::useCount).sum();
            Instant lastUsed = family.stream().map(TokenInfo::lastUsedAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            if (uses == 0 && t.createdAt().isBefore(now.minus(NEW_TOKEN_AGE))) {
                out.add(new HygieneFinding(HygieneFinding.Kind.NEVER_USED, t, "never used since it was minted "
                        + describe(Duration.between(t.createdAt(), now)) + " ago; revoke it", List.of()));
            } else if (lastUsed != null && lastUsed.isBefore(now.minus(UNUSED_AFTER))) {
                out.add(new HygieneFinding(HygieneFinding.Kind.UNUSED_30_DAYS, t, "not used for "
                        + describe(Duration.between(lastUsed, now)) + "; revoke it", List.of()));
            }
            if (t.expiresAt().isBefore(now.plus(EXPIRING_WITHIN))) {
                out.add(new HygieneFinding(HygieneFinding.Kind.EXPIRING_SOON, t, "expires in "
                        + describe(Duration.between(now, t.expiresAt())) + "; roll it so its program can switch "
                        + "over", List.of()));
            }
            List<String> used = usedScopes(t, family, scopeUse.getOrDefault(t.family(), Map.of()), now);
            List<String> unused = granted(t).stream().filter(g -> !used.contains(g)).toList();
            if (!used.isEmpty() && !unused.isEmpty()) {
                out.add(new HygieneFinding(HygieneFinding.Kind.BROADER_SCOPES, t, "in 30 days it only used "
                        + String.join(", ", used) + "; narrow it to " + (used.size() == 1 ? "that" : "those"),
                        used));
            }
        }
        return out;
    }

    /** The scopes a family needed in the last 30 days, stored and not yet flushed, in the catalogue's order. */
    private List<String> usedScopes(TokenInfo t, List<TokenInfo> family, Map<String, Instant> stored, Instant now) {
        java.util.Set<String> used = new java.util.HashSet<>();
        Instant since = now.minus(UNUSED_AFTER);
        stored.forEach((scope, at) -> {
            if (at.isAfter(since)) {
                used.add(scope);
            }
        });
        family.forEach(f -> used.addAll(usage.peekScopes(f.jti()).keySet()));
        return Scopes.requestableNames().stream().filter(used::contains).toList();
    }

    private static List<String> granted(TokenInfo t) {
        return t.scopes().contains(Scopes.ALL) ? Scopes.requestableNames().stream()
                .filter(s -> !s.equals(Scopes.ALL)).toList() : t.scopes();
    }

    /** Revokes several tokens (the console's multi-select); works even while JWT is switched off. */
    public List<TokenInfo> revokeAll(Principal caller, List<String> jtis) {
        List<TokenInfo> revoked = new ArrayList<>();
        for (String jti : jtis) {
            revoked.addAll(revokeAny(caller, jti));
        }
        return revoked;
    }

    private List<TokenInfo> revokeAny(Principal caller, String jti) {
        List<TokenInfo> revoked = store.revoke(caller.userId(), jti, clock.instant());
        forget(revoked);
        if (!revoked.isEmpty()) {
            log.audit(caller, "tokens", "token revoked",
                    Map.of("jti", jti, "by", caller.actor(), "revoked", String.valueOf(revoked.size())));
        }
        return revoked;
    }

    /** Revokes every unexpired token of an account (password change). */
    public void revokeEverything(String userId, String reason) {
        List<TokenInfo> revoked = store.revokeAllOfUser(userId, clock.instant());
        forget(revoked);
        log.info(userId, "tokens", "all tokens revoked: " + reason, Map.of("revoked",
                String.valueOf(revoked.size())));
    }

    /**
     * The last refusals (401/403) of one of the caller's tokens, newest first, since the gateway started: "why
     * was I refused?" in one look. Empty for another account's token.
     */
    public List<Refusal> refusals(Principal caller, String jti) {
        boolean ours = store.find(jti).map(t -> t.userId().equals(caller.userId())).orElse(false);
        if (!ours) {
            return List.of();
        }
        return refusalLog.of(jti);
    }

    /** The caller's issued tokens, newest first, with usage counted since the last flush included. */
    public List<TokenInfo> inventory(Principal caller) {
        // Under the flush lock: between draining the counters and writing them, neither place holds the uses.
        synchronized (usageFlush) {
            return store.listByUser(caller.userId()).stream()
                    .map(t -> usage.peek(t.jti()).map(d -> t.withUsage(d.lastUsed(), d.uses())).orElse(t))
                    .toList();
        }
    }

    /** Writes buffered use counts to the inventory (called every few seconds and at shutdown). */
    public void flushUsage() {
        synchronized (usageFlush) {
            store.addUsage(usage.drain());
            Map<String, Map<String, Instant>> byFamily = new java.util.HashMap<>();
            usage.drainScopes().forEach((jti, scopes) -> store.find(jti).ifPresent(t -> byFamily
                    .computeIfAbsent(t.family(), k -> new java.util.HashMap<>())
                    .putAll(latest(byFamily.get(t.family()), scopes))));
            guardStore.recordScopeUse(byFamily);
        }
        known.prune();
    }

    private void requireEnabled() {
        if (!settings.jwtEnabled()) {
            throw new FeatureDisabledException(DISABLED);
        }
    }

    private static List<String> validScopes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new ValidationException("scopes: at least one scope is required");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String scope : requested) {
            if (scope == null || scope.isBlank()) {
                throw new ValidationException("scopes: scopes must be non-empty strings");
            }
            if (Scopes.TOKENS_REFRESH.equals(scope)) {
                throw new ValidationException("scopes: tokens:refresh cannot be requested; "
                        + "use the refresh_token returned with the access token");
            }
            if (!Scopes.isRequestable(scope)) {
                // Echoed cut to 64 characters: a 100 KB "scope" must not come back as a 100 KB error.
                throw new ValidationException("scopes: unknown scope '"
                        + app.smsdesk.gateway.domain.LogText.safe(scope, 64) + "'; valid scopes are: "
                        + String.join(", ", Scopes.requestableNames()));
            }
            out.add(scope);
        }
        return List.copyOf(out);
    }

    private Duration validTtl(Long ttlSeconds) {
        GatewayOptions o = settings.get();
        if (ttlSeconds == null || ttlSeconds == 0) {
            return o.defaultTokenTtl();
        }
        if (ttlSeconds < 0) {
            throw new ValidationException("ttl: must be a positive number of seconds");
        }
        if (ttlSeconds > o.maxTokenTtl().toSeconds()) {
            throw new ValidationException("ttl: at most " + o.maxTokenTtl().toSeconds() + " seconds ("
                    + describe(o.maxTokenTtl()) + ") is allowed");
        }
        return Duration.ofSeconds(ttlSeconds);
    }

    private static String describe(Duration d) {
        if (d.toSeconds() % 86_400 == 0) {
            return d.toDays() + " days";
        }
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + " hours";
        }
        return d.toMinutes() + " minutes";
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new ValidationException("name: at most " + MAX_NAME_LENGTH + " characters");
        }
        return name.strip();
    }

    private static Map<String, String> context(TokenInfo t, String actor) {
        return Map.of("jti", t.jti(), "name", t.name() == null ? "" : t.name(),
                "scopes", String.join(" ", t.scopes()), "expiresAt", t.expiresAt().toString(), "by", actor);
    }
}

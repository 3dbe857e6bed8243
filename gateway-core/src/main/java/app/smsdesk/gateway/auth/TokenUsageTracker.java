package app.smsdesk.gateway.auth;

import app.smsdesk.gateway.store.TokenStore.TokenUsageDelta;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts JWT uses in memory; the counts are flushed to the inventory in the background so that an
 * authenticated request costs no database write.
 */
public final class TokenUsageTracker {
    private static final class Usage {
        final AtomicLong uses = new AtomicLong();
        final AtomicLong lastUsed = new AtomicLong();
    }

    private final ConcurrentHashMap<String, Usage> pending = new ConcurrentHashMap<>();
    /** jti to scope to the last time (epoch ms) a request needed that scope, since the last drain. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Long>> scopes = new ConcurrentHashMap<>();

    /** Notes that token {@code jti} was used for a route needing {@code scope} (the hygiene board's data). */
    public void recordScope(String jti, String scope, Instant at) {
        scopes.computeIfAbsent(jti, k -> new ConcurrentHashMap<>()).merge(scope, at.toEpochMilli(), Math::max);
    }

    /** Takes the scope uses noted so far: jti to scope to when last. */
    public Map<String, Map<String, Instant>> drainScopes() {
        Map<String, Map<String, Instant>> out = new HashMap<>();
        for (String jti : scopes.keySet()) {
            Map<String, Long> used = scopes.remove(jti);
            if (used != null) {
                Map<String, Instant> m = new HashMap<>();
                used.forEach((scope, at) -> m.put(scope, Instant.ofEpochMilli(at)));
                out.put(jti, m);
            }
        }
        return out;
    }

    /** Scope uses of {@code jti} noted since the last drain. */
    public Map<String, Instant> peekScopes(String jti) {
        Map<String, Long> used = scopes.get(jti);
        Map<String, Instant> m = new HashMap<>();
        if (used != null) {
            used.forEach((scope, at) -> m.put(scope, Instant.ofEpochMilli(at)));
        }
        return m;
    }

    public void recordUse(String jti, Instant at) {
        Usage u = pending.computeIfAbsent(jti, k -> new Usage());
        u.uses.incrementAndGet();
        u.lastUsed.accumulateAndGet(at.toEpochMilli(), Math::max);
    }

    /** Usage recorded since the last drain, for showing up-to-date figures before the flush. */
    public Optional<TokenUsageDelta> peek(String jti) {
        Usage u = pending.get(jti);
        return u == null ? Optional.empty()
                : Optional.of(new TokenUsageDelta(u.uses.get(), Instant.ofEpochMilli(u.lastUsed.get())));
    }

    /** Takes everything counted so far, resetting the counters. */
    public Map<String, TokenUsageDelta> drain() {
        Map<String, TokenUsageDelta> out = new HashMap<>();
        for (String jti : pending.keySet()) {
            Usage u = pending.remove(jti);
            if (u != null && u.uses.get() > 0) {
                out.put(jti, new TokenUsageDelta(u.uses.get(), Instant.ofEpochMilli(u.lastUsed.get())));
            }
        }
        return out;
    }
}

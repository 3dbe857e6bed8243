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

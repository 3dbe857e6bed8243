package app.smsdesk.gateway.auth;

import app.smsdesk.gateway.domain.Refusal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last refusals of each token, newest first, in memory (since the gateway started). Only genuine tokens are
 * recorded (their signature held), so nobody can fill another token's history with forgeries, and the memory is
 * bounded: {@link #PER_TOKEN} refusals for each of the {@link #TOKENS} tokens refused most recently.
 */
public final class RefusalLog {
    static final int PER_TOKEN = 20;
    static final int TOKENS = 5_000;

    private final Map<String, Deque<Refusal>> byToken = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Refusal>> eldest) {
            return size() > TOKENS;
        }
    };

    public synchronized void record(Refusal r) {
        Deque<Refusal> d = byToken.computeIfAbsent(r.tokenId(), k -> new ArrayDeque<>());
        d.addFirst(r);
        while (d.size() > PER_TOKEN) {
            d.removeLast();
        }
    }

    /** The token's last refusals, newest first. */
    public synchronized List<Refusal> of(String tokenId) {
        Deque<Refusal> d = byToken.get(tokenId);
        return d == null ? List.of() : List.copyOf(new ArrayList<>(d));
    }
}

package app.smsdesk.gateway.mobile;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each phone last made an authenticated request, kept in memory and written to the devices table in the
 * background (like the reference server), so a phone's poll costs no database write.
 */
final class LastSeenTracker {
    private final ConcurrentHashMap<Long, Instant> pending = new ConcurrentHashMap<>();

    void seen(long deviceRowId, Instant at) {
        pending.merge(deviceRowId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Takes everything recorded since the last drain. */
    Map<Long, Instant> drain() {
        Map<Long, Instant> out = new HashMap<>();
        for (Long id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at != null) {
                out.put(id, at);
            }
        }
        return out;
    }
}

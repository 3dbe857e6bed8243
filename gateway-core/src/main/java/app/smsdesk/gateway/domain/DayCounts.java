package app.smsdesk.gateway.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * How many of an account's messages created on one local day are now in each state (the console's chart).
 *
 * @param day the local day
 * @param byState count per state; states without messages are absent
 */
public record DayCounts(LocalDate day, Map<ProcessingState, Long> byState) {
    public DayCounts {
        Objects.requireNonNull(day);
        byState = Map.copyOf(byState);
    }

    public long get(ProcessingState state) {
        return byState.getOrDefault(state, 0L);
    }

    public long total() {
        return byState.values().stream().mapToLong(Long::longValue).sum();
    }
}

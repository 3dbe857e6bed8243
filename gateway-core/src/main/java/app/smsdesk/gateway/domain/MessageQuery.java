package app.smsdesk.gateway.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A page of an account's messages.
 *
 * @param from createdAt &gt;= from, or null
 * @param to createdAt &lt; to, or null
 * @param state only this state, or null
 * @param deviceId only this phone's messages, or null
 * @param search text contained in the content or a recipient number, or null (console)
 * @param limit page size
 * @param offset rows to skip
 * @param ascending oldest first (or A to Z) when true
 * @param order what the list is sorted by (newest first within equal keys)
 */
public record MessageQuery(Instant from, Instant to, ProcessingState state, String deviceId, String search,
                           int limit, int offset, boolean ascending, Order order) {
    /** What a list of messages can be sorted by, on the server (so the whole result is sorted, not a page). */
    public enum Order {
        CREATED,
        STATE
    }

    public MessageQuery {
        Objects.requireNonNull(order, "order");
    }

    /** Sorted by creation time (the API's only order). */
    public MessageQuery(Instant from, Instant to, ProcessingState state, String deviceId, String search,
                        int limit, int offset, boolean ascending) {
        this(from, to, state, deviceId, search, limit, offset, ascending, Order.CREATED);
    }
}

package app.smsdesk.gateway.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Filters of an inbox listing; null means no filter.
 *
 * @param type SMS, DATA_SMS, MMS or MMS_DOWNLOADED
 * @param deviceId receiving phone
 * @param from received at or after
 * @param to received before
 * @param search text contained in the content or the sender (console)
 * @param limit page size
 * @param offset rows to skip
 * @param order what the list is sorted by (newest first within equal keys)
 * @param ascending oldest first (or A to Z) when true
 */
public record InboxQuery(String type, String deviceId, Instant from, Instant to, String search, int limit,
                         int offset, Order order, boolean ascending) {
    /** What the inbox can be sorted by, on the server (so the whole result is sorted, not a page). */
    public enum Order {
        RECEIVED,
        SENDER,
        TYPE,
        SIM
    }

    public InboxQuery {
        Objects.requireNonNull(order, "order");
    }

    /** Newest first (the API's only order). */
    public InboxQuery(String type, String deviceId, Instant from, Instant to, String search, int limit,
                      int offset) {
        this(type, deviceId, from, to, search, limit, offset, Order.RECEIVED, false);
    }
}

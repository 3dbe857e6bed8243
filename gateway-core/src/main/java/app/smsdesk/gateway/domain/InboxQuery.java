package app.smsdesk.gateway.domain;

import java.time.Instant;

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
 */
public record InboxQuery(String type, String deviceId, Instant from, Instant to, String search, int limit,
                         int offset) {
}

package app.smsdesk.gateway.domain;

import java.time.Instant;

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
 * @param ascending oldest first when true
 */
public record MessageQuery(Instant from, Instant to, ProcessingState state, String deviceId, String search,
                           int limit, int offset, boolean ascending) {
}

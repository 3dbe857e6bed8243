package app.smsdesk.gateway.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A registered phone.
 *
 * @param rowId internal key
 * @param id public 21-character id
 * @param userId owning account
 * @param name "manufacturer/product" as the app sends it, may be empty
 * @param pushToken FCM token, null when the phone uses SSE
 * @param simCards SIM cards, empty when unknown
 * @param appVersion app version from the User-Agent, may be null
 * @param createdAt registration time
 * @param updatedAt last change
 * @param lastSeen last authenticated request
 * @param approved false while a phone registered with the private token waits for the admin's approval: it then
 *                 gets nothing (no messages, webhooks, settings or signing key) and is never chosen for a send
 */
public record Device(long rowId, String id, String userId, String name, String pushToken, List<SimCard> simCards,
                     String appVersion, Instant createdAt, Instant updatedAt, Instant lastSeen, boolean approved) {
    public Device {
        // A null entry (stored before registration checked them) must not make the phone unreadable.
        simCards = simCards == null ? List.of() : simCards.stream().filter(Objects::nonNull).toList();
        name = name == null ? "" : name;
    }
}

package app.smsdesk.gateway.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An outgoing message as stored.
 *
 * @param rowId internal key (insertion order)
 * @param id public id, unique per account
 * @param userId owning account
 * @param deviceId public id of the phone that holds it; null while unassigned
 * @param content text or data
 * @param recipients per-recipient states
 * @param states first time each state was seen
 * @param state message-level state
 * @param validUntil expiry the phone enforces, or null
 * @param scheduleAt when the phone should send it, or null
 * @param simNumber SIM to use (1-3), or null for the phone's choice
 * @param withDeliveryReport whether to ask the carrier for a delivery report
 * @param priority -128..127; 100 and more bypass the phone's limits
 * @param isEncrypted content and numbers are client-side ciphertext
 * @param createdAt acceptance time
 * @param updatedAt last change
 */
public record OutgoingMessage(long rowId, String id, String userId, String deviceId, MessageContent content,
                              List<RecipientState> recipients, Map<ProcessingState, Instant> states,
                              ProcessingState state, Instant validUntil, Instant scheduleAt, Integer simNumber,
                              boolean withDeliveryReport, int priority, boolean isEncrypted, Instant createdAt,
                              Instant updatedAt) {
    public OutgoingMessage {
        recipients = List.copyOf(recipients);
        states = Map.copyOf(states);
    }
}

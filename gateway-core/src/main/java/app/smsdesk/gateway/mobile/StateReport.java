package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.domain.ProcessingState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a phone said about one of its messages, from {@code PATCH /message} or from a delivery webhook.
 *
 * @param messageId the message's public id
 * @param state the message-level state the phone computed, or null to derive it from the recipients
 * @param recipients per-recipient states (may be empty)
 * @param history when the phone entered each state
 */
public record StateReport(String messageId, ProcessingState state, List<Recipient> recipients,
                          Map<ProcessingState, Instant> history) {
    public StateReport {
        recipients = List.copyOf(recipients);
        history = Map.copyOf(history);
    }

    /**
     * One recipient's state.
     *
     * @param phoneNumber the number as the phone echoes it
     * @param state its state
     * @param error failure reason, or null
     */
    public record Recipient(String phoneNumber, ProcessingState state, String error) {
    }
}

package app.smsdesk.gateway.domain;

/**
 * One recipient of a message and how far the message got for it.
 *
 * @param phoneNumber E.164 number (or ciphertext for encrypted messages)
 * @param state the recipient's state
 * @param error failure reason, or null
 */
public record RecipientState(String phoneNumber, ProcessingState state, String error) {
}

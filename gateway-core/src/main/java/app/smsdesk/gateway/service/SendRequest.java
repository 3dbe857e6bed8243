package app.smsdesk.gateway.service;

import java.time.Instant;
import java.util.List;

/**
 * A request to send a message, as the third-party API and the console's compose dialog give it.
 * Exactly one of {@code message}, {@code text} or {@code data}+{@code port} carries the content.
 *
 * @param id client-chosen public id, or null
 * @param deviceId the phone to use, or null to let the gateway choose
 * @param message deprecated plain-text field
 * @param text text of {@code textMessage}, or null
 * @param data base64 payload of {@code dataMessage}, or null
 * @param port port of {@code dataMessage}, or null
 * @param hasTextMessage whether {@code textMessage} was present
 * @param hasDataMessage whether {@code dataMessage} was present
 * @param phoneNumbers recipients
 * @param isEncrypted content and numbers are ciphertext
 * @param simNumber SIM 1-3, or null
 * @param withDeliveryReport null means true
 * @param priority null means 0
 * @param ttl seconds until expiry, or null
 * @param validUntil expiry, or null
 * @param scheduleAt send time, or null
 * @param skipPhoneValidation do not parse numbers
 * @param deviceActiveWithin hours; choose only among phones seen that recently (null or 0: any)
 */
public record SendRequest(String id, String deviceId, String message, String text, String data, Integer port,
                          boolean hasTextMessage, boolean hasDataMessage, List<String> phoneNumbers,
                          Boolean isEncrypted, Integer simNumber, Boolean withDeliveryReport, Integer priority,
                          Long ttl, Instant validUntil, Instant scheduleAt, boolean skipPhoneValidation,
                          Integer deviceActiveWithin) {

    /** A plain text message to the given numbers (the console's simplest case). */
    public static SendRequest text(String text, List<String> phoneNumbers) {
        return new SendRequest(null, null, null, text, null, null, true, false, phoneNumbers, null, null, null, null,
                null, null, null, false, null);
    }
}

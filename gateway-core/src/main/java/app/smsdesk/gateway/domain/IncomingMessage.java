package app.smsdesk.gateway.domain;

import java.time.Instant;

/**
 * An SMS or MMS a phone received and reported.
 *
 * @param id public id
 * @param type SMS, DATA_SMS, MMS or MMS_DOWNLOADED
 * @param deviceId the receiving phone, may be null once the phone was removed
 * @param sender sender's number
 * @param recipient the SIM's own number, may be null
 * @param simNumber 1-based SIM, may be null
 * @param content text (or base64 data, or MMS subject/body)
 * @param receivedAt when the phone received it
 */
public record IncomingMessage(String id, String type, String deviceId, String sender, String recipient,
                              Integer simNumber, String content, Instant receivedAt) {
    public static final java.util.List<String> TYPES = java.util.List.of("SMS", "DATA_SMS", "MMS", "MMS_DOWNLOADED");
}

package app.smsdesk.gateway.domain;

import java.util.List;

/**
 * A webhook registration the phones deliver to.
 *
 * @param id public id, unique per account
 * @param deviceId the phone it applies to, or null for all the account's phones
 * @param url https receiver
 * @param event event name, one of {@link #EVENTS}
 * @param internal SMSDesk's own receiver (hidden from the third-party API)
 */
public record Webhook(String id, String deviceId, String url, String event, boolean internal) {
    /** Event names the phones emit (client-go v1.14.5). */
    public static final List<String> EVENTS = List.of("sms:received", "sms:data-received", "sms:sent",
            "sms:delivered", "sms:failed", "sms:cancelled", "system:ping", "mms:received", "mms:downloaded",
            "app:started", "sms:batch:received", "sms:batch:data-received", "mms:batch:received",
            "mms:batch:downloaded");
}

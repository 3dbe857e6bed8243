package app.smsdesk.gateway.domain;

import java.util.Map;

/**
 * A notification for phones (SMSGate push/SSE event): its type and string data (null data means none).
 *
 * @param type MessageEnqueued, MessageCancelled, WebhooksUpdated, SettingsUpdated or MessagesExportRequested
 * @param data event data, or null
 */
public record DeviceEvent(String type, Map<String, String> data) {
    public static final String MESSAGE_ENQUEUED = "MessageEnqueued";
    public static final String MESSAGE_CANCELLED = "MessageCancelled";
    public static final String WEBHOOKS_UPDATED = "WebhooksUpdated";
    public static final String SETTINGS_UPDATED = "SettingsUpdated";
    public static final String MESSAGES_EXPORT_REQUESTED = "MessagesExportRequested";

    public DeviceEvent {
        data = data == null ? null : Map.copyOf(data);
    }

    public static DeviceEvent of(String type) {
        return new DeviceEvent(type, null);
    }
}

package app.smsdesk.gateway.testing.phone;

/**
 * One server-sent event as the phone's OkHttp client sees it.
 *
 * @param name the {@code event:} field, or null
 * @param data the {@code data:} lines joined
 */
public record SseEvent(String name, String data) {
}

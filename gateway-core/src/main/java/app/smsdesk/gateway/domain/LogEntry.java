package app.smsdesk.gateway.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the gateway's event log.
 *
 * @param id increasing id
 * @param priority DEBUG, INFO, WARN or ERROR
 * @param module area that wrote it (auth, tokens, messages, settings, webhooks, devices)
 * @param message human-readable text (never a token or password)
 * @param context extra values, may be empty
 * @param createdAt when it happened
 */
public record LogEntry(long id, String priority, String module, String message, Map<String, String> context,
                       Instant createdAt) {
    public LogEntry {
        context = context == null ? Map.of() : Map.copyOf(context);
    }
}

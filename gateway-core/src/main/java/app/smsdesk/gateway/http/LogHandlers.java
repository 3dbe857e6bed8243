package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.LogEntry;
import app.smsdesk.gateway.service.EventLogService;
import java.time.Instant;
import java.util.Map;

/** {@code GET /logs}: the gateway's event log, newest first. */
public final class LogHandlers {
    private final EventLogService log;

    public LogHandlers(EventLogService log) {
        this.log = log;
    }

    /** SMSGate's LogEntry. */
    record LogView(long id, String priority, String module, String message, Map<String, String> context,
                   Instant createdAt) {
        static LogView of(LogEntry e) {
            return new LogView(e.id(), e.priority(), e.module(), e.message(), e.context(), e.createdAt());
        }
    }

    void list(ApiExchange ex) {
        int limit = Params.integer(ex, "limit", EventLogService.MAX_LIMIT);
        ex.json(200, log.list(ex.principal(), Params.time(ex, "from"), Params.time(ex, "to"), limit).stream()
                .map(LogView::of).toList());
    }
}

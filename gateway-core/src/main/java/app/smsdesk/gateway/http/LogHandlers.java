package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.LogEntry;
import app.smsdesk.gateway.service.EventLogService;
import app.smsdesk.gateway.domain.AuditEntry;
import app.smsdesk.gateway.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    /** {@code GET /audit} (an SMSDesk extension): the audit trail as JSON, or as CSV with {@code format=csv}. */
    void audit(ApiExchange ex) {
        int limit = Params.integer(ex, "limit", 1000);
        Instant from = Params.time(ex, "from");
        Instant to = Params.time(ex, "to");
        List<AuditEntry> entries = log.auditTrail(ex.principal(), from == null ? Instant.EPOCH : from,
                to == null ? END_OF_TIME : to, limit);
        String format = Params.string(ex, "format");
        if ("csv".equals(format)) {
            ex.bytes(200, "text/csv; charset=utf-8", EventLogService.auditCsv(entries)
                    .getBytes(StandardCharsets.UTF_8));
        } else if (format == null || "json".equals(format)) {
            ex.json(200, entries);
        } else {
            throw new ValidationException("format: json or csv");
        }
    }

    void list(ApiExchange ex) {
        int limit = Params.integer(ex, "limit", EventLogService.MAX_LIMIT);
        ex.json(200, log.list(ex.principal(), Params.time(ex, "from"), Params.time(ex, "to"), limit).stream()
                .map(LogView::of).toList());
    }
}

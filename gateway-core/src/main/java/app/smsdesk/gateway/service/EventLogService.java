package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.AuditEntry;
import app.smsdesk.gateway.domain.LogEntry;
import app.smsdesk.gateway.domain.LogText;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.store.AuditStore;
import app.smsdesk.gateway.store.EventLogStore;
import app.smsdesk.gateway.store.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own event log (auth failures, tokens, messages, settings, webhooks), served by
 * {@code GET /logs}. Callers must never pass a token or a password in the text or context.
 *
 * <p>Every entry is bounded and one line: the message is cut at {@link #MAX_MESSAGE} characters, the context at
 * {@link #MAX_CONTEXT_ENTRIES} values of at most {@link LogText#MAX_CHARS} characters, and control characters are
 * escaped ({@link LogText}), in the store and in the console log alike. So a client's value can neither forge a
 * line nor make one entry large; {@link LogFloodGuard} bounds how many a client can cause, and the retention job
 * how many are kept ({@link #applyRetention}).
 */
public final class EventLogService {
    private static final Logger LOG = LoggerFactory.getLogger("smsdesk.events");
    public static final int MAX_LIMIT = 1000;
    static final int MAX_MESSAGE = 300;
    static final int MAX_CONTEXT_ENTRIES = 8;
    static final int MAX_KEY = 40;

    private final EventLogStore store;
    private final UserStore users;
    private final Clock clock;
    private final LogFloodGuard floodGuard;

    private final AuditStore audit;

    public EventLogService(EventLogStore store, UserStore users, Clock clock) {
        this(store, users, clock, null);
    }

    /** @param audit where {@link #audit} also writes (null: the event log only) */
    public EventLogService(EventLogStore store, UserStore users, Clock clock, AuditStore audit) {
        this.audit = audit;
        this.store = store;
        this.users = users;
        this.clock = clock;
        this.floodGuard = new LogFloodGuard(clock);
    }

    public void info(String userId, String module, String message, Map<String, String> context) {
        append(userId, "INFO", module, message, context);
    }

    public void warn(String userId, String module, String message, Map<String, String> context) {
        append(userId, "WARN", module, message, context);
    }

    /**
     * A warning caused by a client at {@code clientAddress} (a failed login, a refused webhook): a flood of them
     * from one address is thinned out ({@link LogFloodGuard}), and the next entry says how many were left out.
     */
    public void warnAbout(String clientAddress, String userId, String module, String message,
                          Map<String, String> context) {
        long leftOut = floodGuard.admit(module, clientAddress);
        if (leftOut < 0) {
            return;
        }
        Map<String, String> ctx = context;
        if (leftOut > 0) {
            ctx = new LinkedHashMap<>(context == null ? Map.of() : context);
            ctx.put("similarLeftOut", String.valueOf(leftOut));
        }
        append(userId, "WARN", module, message, ctx);
    }

    /**
     * An INFO entry for the caller to write in its own transaction, together with the change it records (one
     * task for the single writer instead of two).
     */
    public EventLogStore.Entry infoEntry(String userId, String module, String message, Map<String, String> context) {
        String text = LogText.safe(message, MAX_MESSAGE);
        Map<String, String> ctx = bounded(context);
        printRoutine(module, text, ctx);
        return new EventLogStore.Entry(userId, "INFO", module, text, ctx, clock.instant());
    }

    /** At most {@link #MAX_CONTEXT_ENTRIES} values, keys and values cut and escaped; the rest counted. */
    static Map<String, String> bounded(Map<String, String> context) {
        if (context == null || context.isEmpty()) {
            return context;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : context.entrySet()) {
            if (out.size() == MAX_CONTEXT_ENTRIES) {
                out.put("moreValuesLeftOut", String.valueOf(context.size() - MAX_CONTEXT_ENTRIES));
                break;
            }
            out.put(LogText.safe(e.getKey(), MAX_KEY), LogText.safe(e.getValue()));
        }
        return out;
    }

    private void printRoutine(String module, String message, Map<String, String> context) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("[{}] {} {}", module, message, context == null ? "" : context);
        }
    }

    private void append(String userId, String priority, String module, String rawMessage,
                        Map<String, String> rawContext) {
        String message = LogText.safe(rawMessage, MAX_MESSAGE);
        Map<String, String> context = bounded(rawContext);
        // Routine events (one per accepted message) go to the console log only at DEBUG: printing each one
        // serialises every request on the console stream. Warnings are always printed.
        if ("WARN".equals(priority)) {
            LOG.warn("[{}] {} {}", module, message, context == null ? "" : context);
        } else {
            printRoutine(module, message, context);
        }
        store.append(userId, priority, module, message, context, clock.instant());
    }

    /**
     * Records a change made by {@code caller} in the event log and in the audit trail (who, what, from which
     * address). The audit row is on disk before this returns; the event log line follows with the next commit.
     */
    public void audit(Principal caller, String module, String action, Map<String, String> context) {
        audit(caller.userId(), caller.actor(), caller.address(), module, action, context);
    }

    /** The same for a change without a principal (the command line, a phone changing its password). */
    public void audit(String userId, String actor, String address, String module, String action,
                      Map<String, String> context) {
        Map<String, String> ctx = new LinkedHashMap<>(context == null ? Map.of() : context);
        ctx.putIfAbsent("by", actor);
        append(userId, "INFO", module, action, ctx);
        if (audit == null) {
            return;
        }
        Map<String, String> detail = bounded(context);
        String target = null;
        StringBuilder text = new StringBuilder();
        if (detail != null) {
            for (Map.Entry<String, String> e : detail.entrySet()) {
                if (target == null && AUDIT_TARGETS.contains(e.getKey())) {
                    target = e.getValue();
                    continue;
                }
                if (!"by".equals(e.getKey())) {
                    text.append(text.length() == 0 ? "" : "; ").append(e.getKey()).append('=').append(e.getValue());
                }
            }
        }
        audit.append(new AuditEntry(clock.instant(), userId, LogText.safe(actor, 120), LogText.safe(address, 80),
                LogText.safe(action, MAX_MESSAGE), target, text.length() == 0 ? null : text.toString()));
    }

    /** Context keys that name what a change was made to. */
    private static final java.util.Set<String> AUDIT_TARGETS = java.util.Set.of("jti", "deviceId", "webhookId",
            "login", "file");

    /** The caller's audit trail in {@code [from, to)}, newest first (the primary account also sees gateway-wide). */
    public List<AuditEntry> auditTrail(Principal caller, Instant from, Instant to, int limit) {
        if (limit < 1 || limit > MAX_AUDIT_LIMIT) {
            throw new ValidationException("limit: must be between 1 and " + MAX_AUDIT_LIMIT);
        }
        if (audit == null) {
            return List.of();
        }
        boolean primary = users.primaryUserId().map(caller.userId()::equals).orElse(false);
        return audit.list(caller.userId(), primary, from, to, limit);
    }

    public static final int MAX_AUDIT_LIMIT = 100_000;

    /** The audit trail as CSV (RFC 4180, a header line; cells that a spreadsheet would run as formulas quoted). */
    public static String auditCsv(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder("time,account,actor,address,action,target,detail\r\n");
        for (AuditEntry e : entries) {
            out.append(String.join(",", cell(e.at().toString()), cell(e.userId()), cell(e.actor()), cell(e.address()),
                    cell(e.action()), cell(e.target()), cell(e.detail()))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v; // CSV injection: a spreadsheet must show this, not run it
        }
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value);
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /**
     * Deletes entries older than {@code days} days and beyond the newest {@code keep}; returns how many went.
     * The background job calls it with the gateway settings' retention.
     */
    public int applyRetention(int days, int keep) {
        return store.deleteOlderThan(clock.instant().minus(java.time.Duration.ofDays(days)))
                + store.keepNewest(keep);
    }

    /**
     * The caller's entries between {@code from} (inclusive) and {@code to} (exclusive), newest first. The primary
     * account also sees gateway-wide entries such as failed logins for unknown users.
     */
    public List<LogEntry> list(Principal caller, Instant from, Instant to, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit: must be between 1 and " + MAX_LIMIT);
        }
        boolean primary = users.primaryUserId().map(caller.userId()::equals).orElse(false);
        return store.list(caller.userId(), primary, from, to, limit);
    }
}

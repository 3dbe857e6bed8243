package app.smsdesk.gateway.store;

import app.smsdesk.gateway.domain.LogEntry;
import app.smsdesk.gateway.domain.LogText;
import java.sql.ResultSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The event log table. */
public final class EventLogStore {
    /** The most text one page of {@link #list} holds in memory. */
    static final long MAX_PAGE_BYTES = 1 << 20;
    static final int MAX_READ_MESSAGE = 1_000;
    static final int MAX_READ_VALUE = 1_000;
    private final Database db;

    public EventLogStore(Database db) {
        this.db = db;
    }

    /** An entry to write in the caller's own transaction (see {@link #insert}). */
    public record Entry(String userId, String priority, String module, String message, Map<String, String> context,
                        Instant at) {
    }

    /** Queues an entry for the next group commit; logging never makes a request wait for the disk. */
    public void append(String userId, String priority, String module, String message, Map<String, String> context,
                       Instant at) {
        Entry entry = new Entry(userId, priority, module, message, context, at);
        String ctx = contextJson(entry);
        db.writeBookkeepingAsync(c -> insert(c, entry, ctx));
    }

    /** The entry's context as stored (encode it before handing the write to the writer thread). */
    static String contextJson(Entry entry) {
        Map<String, String> context = entry.context();
        return context == null || context.isEmpty() ? null : JsonColumns.write(context);
    }

    /** Writes {@code entry} in the caller's transaction (a change and its log line commit together). */
    static int insert(Connection c, Entry entry, String contextJson) throws SQLException {
        return Sql.update(c, "INSERT INTO event_log (user_id, priority, module, message, context, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", entry.userId(), entry.priority(), entry.module(), entry.message(),
                contextJson, entry.at());
    }

    /** Deletes the entries written before {@code cutoff}; returns how many. */
    public int deleteOlderThan(Instant cutoff) {
        return db.writeBookkeeping(c -> Sql.update(c, "DELETE FROM event_log WHERE created_at < ?", cutoff));
    }

    /** Deletes all but the newest {@code keep} entries (by id, which only grows); returns how many. */
    public int keepNewest(int keep) {
        return db.writeBookkeeping(c -> {
            Long oldestKept = Sql.one(c, "SELECT id FROM event_log ORDER BY id DESC LIMIT 1 OFFSET ?",
                    rs -> rs.getLong(1), keep - 1).orElse(null);
            return oldestKept == null ? 0 : Sql.update(c, "DELETE FROM event_log WHERE id < ?", oldestKept);
        });
    }

    /**
     * Entries of an account, newest first; {@code includeGlobal} adds gateway-wide entries (user NULL).
     */
    public List<LogEntry> list(String userId, boolean includeGlobal, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, priority, module, message, context, created_at "
                + "FROM event_log WHERE (user_id = ?" + (includeGlobal ? " OR user_id IS NULL)" : ")"));
        List<Object> params = new ArrayList<>(List.of(userId));
        if (from != null) {
            sql.append(" AND created_at >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND created_at < ?");
            params.add(to);
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return db.read(c -> {
            List<LogEntry> out = new ArrayList<>();
            long bytes = 0;
            try (ResultSet rs = Sql.prepare(c, sql.toString(), params.toArray()).executeQuery()) {
                // A page holds at most MAX_PAGE_BYTES of text, however many rows it was asked for (entries from
                // before they were capped could be a megabyte each); the client pages on with "to".
                while (bytes < MAX_PAGE_BYTES && rs.next()) {
                    String message = rs.getString("message");
                    String context = rs.getString("context");
                    bytes += (message == null ? 0 : message.length()) + (context == null ? 0 : context.length());
                    out.add(new LogEntry(rs.getLong("id"), rs.getString("priority"), rs.getString("module"),
                            LogText.safe(message, MAX_READ_MESSAGE), capped(JsonColumns.readStringMap(context)),
                            Sql.instant(rs, "created_at")));
                }
            }
            return out;
        });
    }

    /** Values of entries written before entries were capped are cut on the way out too. */
    private static Map<String, String> capped(Map<String, String> context) {
        if (context == null || context.values().stream().allMatch(v -> v == null || v.length() <= MAX_READ_VALUE)) {
            return context;
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        context.forEach((k, v) -> out.put(LogText.safe(k, MAX_READ_VALUE), LogText.safe(v, MAX_READ_VALUE)));
        return out;
    }
}

package app.smsdesk.gateway.store;

import app.smsdesk.gateway.domain.LogEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The event log table. */
public final class EventLogStore {
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
        return db.read(c -> Sql.list(c, sql.toString(), rs -> new LogEntry(rs.getLong("id"),
                rs.getString("priority"), rs.getString("module"), rs.getString("message"),
                JsonColumns.readStringMap(rs.getString("context")), Sql.instant(rs, "created_at")),
                params.toArray()));
    }
}

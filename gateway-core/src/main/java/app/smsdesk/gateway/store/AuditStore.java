package app.smsdesk.gateway.store;

import app.smsdesk.gateway.domain.AuditEntry;
import java.time.Instant;
import java.util.List;

/** The audit trail table: append-only, written before the change's caller gets its answer. */
public final class AuditStore {
    private final Database db;

    public AuditStore(Database db) {
        this.db = db;
    }

    public void append(AuditEntry e) {
        db.writeBookkeeping(c -> Sql.update(c, "INSERT INTO audit_trail (at, user_id, actor, address, action, target, "
                + "detail) VALUES (?, ?, ?, ?, ?, ?, ?)", e.at(), e.userId(), e.actor(), e.address(), e.action(),
                e.target(), e.detail()));
    }

    /**
     * An account's entries (and, with {@code gatewayWide}, those of the gateway as a whole) in {@code [from, to)},
     * newest first, at most {@code limit}.
     */
    public List<AuditEntry> list(String userId, boolean gatewayWide, Instant from, Instant to, int limit) {
        return db.read(c -> Sql.list(c, "SELECT at, user_id, actor, address, action, target, detail FROM audit_trail "
                + "WHERE (user_id = ? OR (? AND user_id IS NULL)) AND at >= ? AND at < ? ORDER BY at DESC, id DESC LIMIT ?",
                rs -> new AuditEntry(Sql.instant(rs, "at"), rs.getString("user_id"), rs.getString("actor"),
                        rs.getString("address"), rs.getString("action"), rs.getString("target"),
                        rs.getString("detail")), userId, gatewayWide, from, to, limit));
    }
}

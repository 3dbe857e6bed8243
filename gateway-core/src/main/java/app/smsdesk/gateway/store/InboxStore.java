package app.smsdesk.gateway.store;

import app.smsdesk.gateway.domain.InboxQuery;
import app.smsdesk.gateway.domain.IncomingMessage;
import app.smsdesk.gateway.domain.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Incoming messages reported by the phones. */
public final class InboxStore {
    private static final String SELECT = "SELECT i.ext_id, i.type, d.ext_id AS device_ext_id, i.sender, i.recipient, "
            + "i.sim_number, i.content, i.received_at FROM incoming_messages i "
            + "LEFT JOIN devices d ON d.id = i.device_id ";

    private final Database db;

    public InboxStore(Database db) {
        this.db = db;
    }

    /**
     * Stores a message unless one with the same dedup key is already there (phones retry webhooks);
     * returns true when it was new.
     */
    public boolean insert(String userId, Long deviceRowId, IncomingMessage m, String dedupKey, Instant now) {
        return db.write(c -> Sql.update(c, "INSERT INTO incoming_messages (ext_id, user_id, device_id, type, sender, "
                        + "recipient, sim_number, content, dedup_key, received_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", m.id(), userId,
                deviceRowId, m.type(), m.sender(), m.recipient(), m.simNumber(), m.content(), dedupKey,
                m.receivedAt(), now)) == 1;
    }

    public Page<IncomingMessage> list(String userId, InboxQuery q) {
        StringBuilder where = new StringBuilder("i.user_id = ?");
        List<Object> params = new ArrayList<>(List.of(userId));
        if (q.type() != null) {
            where.append(" AND i.type = ?");
            params.add(q.type());
        }
        if (q.deviceId() != null) {
            where.append(" AND d.ext_id = ?");
            params.add(q.deviceId());
        }
        if (q.from() != null) {
            where.append(" AND i.received_at >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            where.append(" AND i.received_at < ?");
            params.add(q.to());
        }
        if (q.search() != null && !q.search().isBlank()) {
            where.append(" AND (i.content LIKE ? ESCAPE '\\' OR i.sender LIKE ? ESCAPE '\\')");
            String like = Sql.containsPattern(q.search());
            params.add(like);
            params.add(like);
        }
        return db.read(c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM incoming_messages i LEFT JOIN devices d "
                    + "ON d.id = i.device_id WHERE " + where, params.toArray());
            List<Object> page = new ArrayList<>(params);
            page.add(q.limit());
            page.add(q.offset());
            return new Page<>(Sql.list(c, SELECT + "WHERE " + where + orderBy(q) + " LIMIT ? OFFSET ?",
                    InboxStore::map, page.toArray()), total);
        });
    }

    /** The order of a listing: its key, then newest first (the column names are constants, never input). */
    private static String orderBy(InboxQuery q) {
        String dir = q.ascending() ? " ASC" : " DESC";
        return switch (q.order()) {
            case RECEIVED -> " ORDER BY i.received_at" + dir + ", i.id" + dir;
            case SENDER -> " ORDER BY i.sender COLLATE NOCASE" + dir + ", i.received_at DESC, i.id DESC";
            case TYPE -> " ORDER BY i.type" + dir + ", i.received_at DESC, i.id DESC";
            case SIM -> " ORDER BY i.sim_number" + dir + ", i.received_at DESC, i.id DESC";
        };
    }

    static IncomingMessage map(ResultSet rs) throws SQLException {
        return new IncomingMessage(rs.getString("ext_id"), rs.getString("type"), rs.getString("device_ext_id"),
                rs.getString("sender"), rs.getString("recipient"), Sql.integer(rs, "sim_number"),
                rs.getString("content"), Sql.instant(rs, "received_at"));
    }
}

package app.smsdesk.gateway.store;

import app.smsdesk.gateway.domain.Webhook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Webhook registrations; a device-scoped one goes when its device goes. */
public final class WebhookStore {
    private static final String SELECT = "SELECT w.ext_id, d.ext_id AS device_ext_id, w.url, w.event, w.internal "
            + "FROM webhooks w LEFT JOIN devices d ON d.id = w.device_id ";

    private final Database db;

    public WebhookStore(Database db) {
        this.db = db;
    }

    public List<Webhook> listByUser(String userId, boolean includeInternal) {
        return db.read(c -> Sql.list(c, SELECT + "WHERE w.user_id = ?" + (includeInternal ? "" : " AND w.internal = 0")
                + " ORDER BY w.id", WebhookStore::map, userId));
    }

    /** Webhooks a phone receives: the account-wide ones and its own. */
    public List<Webhook> listForDevice(String userId, long deviceRowId) {
        return db.read(c -> Sql.list(c, SELECT + "WHERE w.user_id = ? AND (w.device_id IS NULL OR w.device_id = ?) "
                + "ORDER BY w.id", WebhookStore::map, userId, deviceRowId));
    }

    /**
     * Adds the account's internal webhooks (SMSDesk's own receivers) for the events that have none yet, in one
     * transaction; returns true when any was added.
     */
    public boolean ensureInternal(String userId, List<String> events, String url, Instant now,
                                  java.util.function.Supplier<String> ids) {
        List<String> present = listByUser(userId, true).stream().filter(Webhook::internal).map(Webhook::event)
                .toList();
        if (present.containsAll(events)) {
            return false;
        }
        return db.write(c -> {
            List<String> existing = Sql.list(c, "SELECT event FROM webhooks WHERE user_id = ? AND internal = 1",
                    rs -> rs.getString(1), userId);
            int added = 0;
            for (String event : events) {
                if (!existing.contains(event)) {
                    added += Sql.update(c, "INSERT INTO webhooks (ext_id, user_id, device_id, url, event, internal, "
                            + "created_at) VALUES (?, ?, NULL, ?, ?, 1, ?)", ids.get(), userId, url, event, now);
                }
            }
            return added > 0;
        });
    }

    /** Inserts or replaces (keyed by account and id). */
    public void upsert(String userId, Webhook w, Long deviceRowId, Instant now) {
        db.write(c -> Sql.update(c, "INSERT INTO webhooks (ext_id, user_id, device_id, url, event, internal, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, ext_id) DO UPDATE SET "
                        + "device_id = excluded.device_id, url = excluded.url, event = excluded.event, "
                        + "internal = excluded.internal", w.id(), userId, deviceRowId, w.url(), w.event(), w.internal(),
                now));
    }

    /** Deletes the account's (non-internal) webhook; true if one was deleted. */
    public boolean delete(String userId, String extId) {
        return db.write(c -> Sql.update(c, "DELETE FROM webhooks WHERE user_id = ? AND ext_id = ? AND internal = 0",
                userId, extId)) > 0;
    }

    static Webhook map(ResultSet rs) throws SQLException {
        return new Webhook(rs.getString("ext_id"), rs.getString("device_ext_id"), rs.getString("url"),
                rs.getString("event"), rs.getInt("internal") == 1);
    }
}

package app.smsdesk.gateway.store;

import java.time.Instant;
import java.util.Optional;

/** One settings document (JSON text) per account. */
public final class UserSettingsStore {
    private final Database db;

    public UserSettingsStore(Database db) {
        this.db = db;
    }

    public Optional<String> find(String userId) {
        return db.read(c -> Sql.one(c, "SELECT document FROM user_settings WHERE user_id = ?",
                rs -> rs.getString(1), userId));
    }

    public void save(String userId, String document, Instant now) {
        db.write(c -> Sql.update(c, "INSERT INTO user_settings (user_id, document, updated_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (user_id) DO UPDATE SET document = excluded.document, "
                + "updated_at = excluded.updated_at", userId, document, now));
    }
}

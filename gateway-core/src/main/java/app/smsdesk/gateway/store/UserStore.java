package app.smsdesk.gateway.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts and their password hashes. Which accounts exist is asked on every request with a token, so known
 * accounts are kept in memory (this class is the only one that adds or removes accounts).
 */
public final class UserStore {
    private final Database db;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    public UserStore(Database db) {
        this.db = db;
    }

    public Optional<String> passwordHash(String userId) {
        return db.read(c -> Sql.one(c, "SELECT password_hash FROM users WHERE id = ?", rs -> rs.getString(1), userId));
    }

    public Optional<String> primaryUserId() {
        return db.read(c -> Sql.one(c, "SELECT id FROM users WHERE is_primary = 1", rs -> rs.getString(1)));
    }

    public boolean exists(String userId) {
        if (known.containsKey(userId)) {
            return true;
        }
        boolean exists = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM users WHERE id = ?", userId) > 0);
        if (exists) {
            known.put(userId, Boolean.TRUE);
        }
        return exists;
    }

    /** Deletes an account and, by cascade, its tokens, phones, messages, webhooks and settings. */
    public boolean delete(String userId) {
        known.remove(userId);
        int deleted = db.write(c -> Sql.update(c, "DELETE FROM users WHERE id = ?", userId));
        known.remove(userId);
        return deleted > 0;
    }

    public void create(String userId, String passwordHash, boolean primary, Instant now) {
        db.write(c -> Sql.update(c,
                "INSERT INTO users (id, password_hash, is_primary, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                userId, passwordHash, primary, now, now));
    }

    public void updatePassword(String userId, String passwordHash, Instant now) {
        db.write(c -> Sql.update(c, "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
                passwordHash, now, userId));
    }

    /** The key the account's phones sign webhooks with, if one was made. */
    public Optional<String> webhookSigningKey(String userId) {
        return db.read(c -> Sql.one(c, "SELECT webhook_signing_key FROM users WHERE id = ?", rs -> rs.getString(1),
                userId));
    }

    /** Stores {@code key} unless the account already has one; returns the key now in force. */
    public String ensureWebhookSigningKey(String userId, String key) {
        return db.write(c -> {
            Sql.update(c, "UPDATE users SET webhook_signing_key = ? WHERE id = ? AND webhook_signing_key IS NULL",
                    key, userId);
            return Sql.one(c, "SELECT webhook_signing_key FROM users WHERE id = ?", rs -> rs.getString(1), userId)
                    .orElseThrow(() -> new StoreException("no account " + userId, null));
        });
    }
}

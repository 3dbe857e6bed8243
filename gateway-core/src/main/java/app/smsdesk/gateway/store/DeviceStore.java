package app.smsdesk.gateway.store;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.SimCard;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered phones. Device tokens are kept only as SHA-256 hashes. */
public final class DeviceStore {
    private static final String COLUMNS = "id, ext_id, user_id, name, push_token, sim_cards, app_version, "
            + "created_at, updated_at, last_seen, approved";

    private final Database db;
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<String, CachedDevices> byUser =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedDevices(long version, List<Device> devices) {
    }

    public DeviceStore(Database db) {
        this.db = db;
    }

    public Device insert(String extId, String userId, String name, String tokenHash, String pushToken,
                         List<SimCard> simCards, String appVersion, Instant now, boolean approved) {
        long rowId = changed(db.write(c -> Sql.insert(c, "INSERT INTO devices (ext_id, user_id, name, token_hash, "
                        + "push_token, sim_cards, app_version, created_at, updated_at, last_seen, approved) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", extId, userId, name == null ? "" : name,
                tokenHash, pushToken, simCardsJson(simCards), appVersion, now, now, now, approved ? 1 : 0)));
        return new Device(rowId, extId, userId, name, pushToken, simCards, appVersion, now, now, now, approved);
    }

    /** Approves the account's waiting phone; true if it was waiting. */
    public boolean approve(String userId, String extId) {
        return changed(db.write(c -> Sql.update(c, "UPDATE devices SET approved = 1 WHERE user_id = ? AND ext_id = ? "
                + "AND approved = 0", userId, extId))) > 0;
    }

    /**
     * The account's phones. Every send without a {@code deviceId} chooses among them, so the list is kept until
     * the next change to the devices table (all of which go through this class).
     */
    public List<Device> listByUser(String userId) {
        long version = changes.get();
        CachedDevices cached = byUser.get(userId);
        if (cached != null && cached.version() == version) {
            return cached.devices();
        }
        List<Device> devices = db.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM devices WHERE user_id = ? "
                + "ORDER BY id", DeviceStore::map, userId));
        CachedDevices fresh = new CachedDevices(version, List.copyOf(devices));
        byUser.put(userId, fresh);
        return fresh.devices();
    }

    public Optional<Device> find(String userId, String extId) {
        return db.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM devices WHERE user_id = ? AND ext_id = ?",
                DeviceStore::map, userId, extId));
    }

    /** A phone by its public id, whatever its account (ids are globally unique). */
    public Optional<Device> findById(String extId) {
        return db.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM devices WHERE ext_id = ?", DeviceStore::map,
                extId));
    }

    public Optional<Device> findByTokenHash(String tokenHash) {
        return db.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM devices WHERE token_hash = ?",
                DeviceStore::map, tokenHash));
    }

    /** The phone's own webhook signing key, once it has one. */
    public Optional<String> webhookSigningKey(String extId) {
        return db.read(c -> Sql.one(c, "SELECT webhook_signing_key FROM devices WHERE ext_id = ? "
                + "AND webhook_signing_key IS NOT NULL", rs -> rs.getString(1), extId));
    }

    /**
     * Gives the phone {@code key} unless it has one already, and returns the one it has; from then on the account's
     * key no longer signs for it.
     */
    public String ensureWebhookSigningKey(String extId, String key) {
        return db.write(c -> {
            Sql.update(c, "UPDATE devices SET webhook_signing_key = ?, account_key_allowed = 0 WHERE ext_id = ? "
                    + "AND webhook_signing_key IS NULL", key, extId);
            return Sql.one(c, "SELECT webhook_signing_key FROM devices WHERE ext_id = ?", rs -> rs.getString(1),
                    extId).orElseThrow(() -> new StoreException("no phone " + extId, null));
        });
    }

    /** Whether the phone was paired before phones had keys of their own and has not fetched its own yet. */
    public boolean accountKeyAllowed(String extId) {
        return db.read(c -> Sql.one(c, "SELECT account_key_allowed FROM devices WHERE ext_id = ?",
                rs -> rs.getInt(1) == 1, extId)).orElse(false);
    }

    /** Deletes the account's device (its messages and webhooks go with it); true if one was deleted. */
    public boolean delete(String userId, String extId) {
        return changed(db.write(c -> Sql.update(c, "DELETE FROM devices WHERE user_id = ? AND ext_id = ?",
                userId, extId))) > 0;
    }

    /** Updates push token and/or SIM cards; null arguments leave the stored value as it is, {@code []} clears. */
    public void update(long rowId, String pushToken, List<SimCard> simCards, String appVersion, Instant now) {
        db.write(c -> Sql.update(c, "UPDATE devices SET push_token = COALESCE(?, push_token), "
                        + "sim_cards = CASE WHEN ? = 1 THEN ? ELSE sim_cards END, "
                        + "app_version = COALESCE(?, app_version), updated_at = ? WHERE id = ?", pushToken,
                simCards != null, simCards == null ? null : simCardsJson(simCards), appVersion, now, rowId));
        changed(null);
    }

    /** Moves last_seen forward (never back) for several devices in one write. */
    public void touch(java.util.Map<Long, Instant> lastSeen) {
        if (lastSeen.isEmpty()) {
            return;
        }
        db.writeBookkeeping(c -> {
            for (var e : lastSeen.entrySet()) {
                Sql.update(c, "UPDATE devices SET last_seen = MAX(last_seen, ?) WHERE id = ?", e.getValue(),
                        e.getKey());
            }
            return null;
        });
        changed(null);
    }

    /** Marks the cached device lists stale after a write (passes the write's result through). */
    private <T> T changed(T result) {
        changes.incrementAndGet();
        return result;
    }

    private static String simCardsJson(List<SimCard> simCards) {
        return simCards == null || simCards.isEmpty() ? null : JsonColumns.write(simCards);
    }

    static Device map(ResultSet rs) throws SQLException {
        String sims = rs.getString("sim_cards");
        List<SimCard> cards = sims == null ? List.of() : JsonColumns.read(sims, new TypeReference<List<SimCard>>() { });
        return new Device(rs.getLong("id"), rs.getString("ext_id"), rs.getString("user_id"), rs.getString("name"),
                rs.getString("push_token"), cards, rs.getString("app_version"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"), Sql.instant(rs, "last_seen"), rs.getInt("approved") == 1);
    }
}

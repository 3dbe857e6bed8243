package app.smsdesk.gateway.store;

import app.smsdesk.gateway.domain.TokenInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The token inventory table. */
public final class TokenStore {
    private static final String COLUMNS = "jti, user_id, token_use, parent_jti, family, name, scopes, ttl_seconds, "
            + "minted_by, created_at, expires_at, revoked_at, last_used_at, use_count";

    private final Database db;

    public TokenStore(Database db) {
        this.db = db;
    }

    private static void insert(Connection c, TokenInfo t) throws SQLException {
        Sql.update(c, "INSERT INTO tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.jti(), t.userId(), t.use(), t.parentJti(), t.family(), t.name(), String.join(" ", t.scopes()),
                t.ttlSeconds(), t.mintedBy(), t.createdAt(), t.expiresAt(), t.revokedAt(), t.lastUsedAt(),
                t.useCount());
    }

    public void insertAll(List<TokenInfo> tokens) {
        db.write(c -> {
            for (TokenInfo t : tokens) {
                insert(c, t);
            }
            return null;
        });
    }

    private static Optional<TokenInfo> find(Connection c, String jti) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM tokens WHERE jti = ?", TokenStore::map, jti);
    }

    public Optional<TokenInfo> find(String jti) {
        return db.read(c -> find(c, jti));
    }

    /**
     * Revokes the caller's rows with this jti or whose parent is this jti, and every token minted by it (and by
     * those, in turn); returns the tokens newly revoked.
     */
    public List<TokenInfo> revoke(String userId, String jti, Instant now) {
        return db.write(c -> {
            List<TokenInfo> hit = revokeWhere(c, "user_id = ? AND (jti = ? OR parent_jti = ?)", now, userId, jti, jti);
            // The jti itself too: tokens it minted die with it even when it was revoked before (older versions).
            return withDescendants(c, userId, hit, List.of(jti), now);
        });
    }

    /**
     * Adds to {@code revoked} the tokens minted by any of its access tokens or by {@code minters}, revoking each
     * minted token's whole family (its refreshed successors may have minted more; audit F5: a token minted by a
     * token dies with it).
     */
    private static List<TokenInfo> withDescendants(Connection c, String userId, List<TokenInfo> revoked,
                                                   List<String> minters, Instant now) throws SQLException {
        List<TokenInfo> all = new ArrayList<>(revoked);
        Deque<String> pending = new ArrayDeque<>(minters);
        revoked.stream().filter(t -> !t.isRefresh()).forEach(t -> pending.add(t.jti()));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String minter = pending.poll();
            if (!seen.add(minter)) {
                continue;
            }
            for (String family : Sql.list(c, "SELECT DISTINCT family FROM tokens WHERE user_id = ? AND minted_by = ?",
                    rs -> rs.getString(1), userId, "jwt:" + minter)) {
                all.addAll(revokeWhere(c, "user_id = ? AND family = ?", now, userId, family));
                pending.addAll(Sql.list(c, "SELECT jti FROM tokens WHERE family = ? AND token_use = 'access'",
                        rs -> rs.getString(1), family));
            }
        }
        return all;
    }

    /** How presenting a refresh token for rotation ended. */
    public enum Outcome { ROTATED, UNKNOWN, EXPIRED, REPLAYED }

    /**
     * The result of a rotation.
     *
     * @param outcome what happened
     * @param revoked tokens revoked by it (the used refresh token, or the whole family on a replay)
     */
    public record Rotation(Outcome outcome, List<TokenInfo> revoked) {
    }

    /**
     * Rotates a refresh token in one transaction: an unknown or expired one changes nothing; one already used
     * (a replay) revokes its whole family; otherwise it is revoked and {@code successors} (computed from it) are
     * stored.
     */
    public Rotation rotateRefresh(String jti, Instant now, Function<TokenInfo, List<TokenInfo>> successors) {
        return db.write(c -> {
            Optional<TokenInfo> row = find(c, jti);
            if (row.isEmpty() || !row.get().isRefresh()) {
                return new Rotation(Outcome.UNKNOWN, List.of());
            }
            TokenInfo old = row.get();
            if (old.revokedAt() != null) {
                List<TokenInfo> family = revokeWhere(c, "family = ?", now, old.family());
                List<String> members = Sql.list(c, "SELECT jti FROM tokens WHERE family = ? AND token_use = 'access'",
                        rs -> rs.getString(1), old.family());
                return new Rotation(Outcome.REPLAYED, withDescendants(c, old.userId(), family, members, now));
            }
            if (!old.expiresAt().isAfter(now)) {
                return new Rotation(Outcome.EXPIRED, List.of());
            }
            Sql.update(c, "UPDATE tokens SET revoked_at = ? WHERE jti = ?", now, old.jti());
            for (TokenInfo t : successors.apply(old)) {
                insert(c, t);
            }
            return new Rotation(Outcome.ROTATED, List.of(old));
        });
    }

    /**
     * Ends the caller's access token {@code jti} and its refresh token at {@code until} at the latest (a rolled
     * token works out its grace period; its refresh token may renew it until then, never beyond, since a
     * refreshed pair ends when its refresh token does). Returns the rows as they are now.
     */
    public List<TokenInfo> windDown(String userId, String jti, Instant until) {
        return db.write(c -> {
            Sql.update(c, "UPDATE tokens SET expires_at = MIN(expires_at, ?) WHERE user_id = ? "
                    + "AND (jti = ? OR parent_jti = ?)", until, userId, jti, jti);
            return Sql.list(c, "SELECT " + COLUMNS + " FROM tokens WHERE user_id = ? AND (jti = ? OR parent_jti = ?)",
                    TokenStore::map, userId, jti, jti);
        });
    }

    /** Revokes every unexpired token of an account (password change); returns those newly revoked. */
    public List<TokenInfo> revokeAllOfUser(String userId, Instant now) {
        return db.write(c -> revokeWhere(c, "user_id = ? AND expires_at > ?", now, userId, now));
    }

    private static List<TokenInfo> revokeWhere(Connection c, String where, Instant now, Object... params)
            throws SQLException {
        List<TokenInfo> hit = Sql.list(c, "SELECT " + COLUMNS + " FROM tokens WHERE revoked_at IS NULL AND " + where,
                TokenStore::map, params);
        for (TokenInfo t : hit) {
            Sql.update(c, "UPDATE tokens SET revoked_at = ? WHERE jti = ?", now, t.jti());
        }
        return hit;
    }

    /** Tokens that have not yet expired, revoked or not: the in-memory inventory is built from these. */
    public List<TokenInfo> unexpired(Instant now) {
        return db.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM tokens WHERE expires_at > ?", TokenStore::map,
                now));
    }

    /** The tokens of one family (a token, its refresh token and their refreshed successors). */
    public List<TokenInfo> family(String family) {
        return db.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM tokens WHERE family = ?", TokenStore::map,
                family));
    }

    public List<TokenInfo> listByUser(String userId) {
        return db.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM tokens WHERE user_id = ? "
                + "ORDER BY created_at DESC, jti", TokenStore::map, userId));
    }

    /** Adds buffered usage counts (flushed periodically, never per request). */
    public void addUsage(Map<String, TokenUsageDelta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        db.writeBookkeeping(c -> {
            for (Map.Entry<String, TokenUsageDelta> e : deltas.entrySet()) {
                Sql.update(c, "UPDATE tokens SET use_count = use_count + ?, "
                                + "last_used_at = MAX(COALESCE(last_used_at, 0), ?) WHERE jti = ?",
                        e.getValue().uses(), e.getValue().lastUsed(), e.getKey());
            }
            return null;
        });
    }

    /** Deletes rows that expired long ago (retention). */
    public int deleteExpiredBefore(Instant cutoff) {
        return db.write(c -> Sql.update(c, "DELETE FROM tokens WHERE expires_at < ?", cutoff));
    }

    /** Usage to add to one token. */
    public record TokenUsageDelta(long uses, Instant lastUsed) {
    }

    static TokenInfo map(ResultSet rs) throws SQLException {
        String scopes = rs.getString("scopes");
        return new TokenInfo(rs.getString("jti"), rs.getString("user_id"), rs.getString("token_use"),
                rs.getString("parent_jti"), rs.getString("family"), rs.getString("name"),
                scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(" ")), rs.getLong("ttl_seconds"),
                rs.getString("minted_by"), Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"),
                Sql.instant(rs, "revoked_at"), Sql.instant(rs, "last_used_at"), rs.getLong("use_count"));
    }
}

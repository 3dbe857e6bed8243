package app.smsdesk.gateway.store;

import app.smsdesk.gateway.domain.ForbiddenException;
import app.smsdesk.gateway.domain.TokenGuards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Token guards per family, the daily SMS budgets they charge, and which scopes each family used when. */
public final class GuardStore {
    private final Database db;

    public GuardStore(Database db) {
        this.db = db;
    }

    /**
     * A token family's guards.
     *
     * @param budgetKey the family whose daily budget its sends charge (its own, or the one it was rolled from or
     *                  minted by)
     */
    public record Guarded(String family, TokenGuards guards, String budgetKey) {
    }

    /** Sets (or, for empty guards, clears) the guards of a token family. */
    public void put(Guarded g, Instant now) {
        db.write(c -> {
            if (g.guards().isEmpty()) {
                Sql.update(c, "DELETE FROM token_guards WHERE family = ?", g.family());
                return null;
            }
            TokenGuards t = g.guards();
            Sql.update(c, "INSERT INTO token_guards (family, budget_key, addresses, daily_budget, recipient_prefixes, "
                    + "hours, time_zone, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (family) DO UPDATE "
                    + "SET addresses = excluded.addresses, daily_budget = excluded.daily_budget, "
                    + "recipient_prefixes = excluded.recipient_prefixes, hours = excluded.hours, "
                    + "time_zone = excluded.time_zone, updated_at = excluded.updated_at", g.family(), g.budgetKey(),
                    String.join(" ", t.addresses()), t.dailyBudget(), String.join(" ", t.recipientPrefixes()),
                    t.hours(), t.timeZone(), now);
            return null;
        });
    }

    public Optional<Guarded> find(String family) {
        return db.read(c -> Sql.one(c, "SELECT * FROM token_guards WHERE family = ?", GuardStore::map, family));
    }

    /** The guards of one account's token families. */
    public List<Guarded> ofUser(String userId) {
        return db.read(c -> Sql.list(c, "SELECT * FROM token_guards WHERE family IN "
                + "(SELECT family FROM tokens WHERE user_id = ?)", GuardStore::map, userId));
    }

    /** Every family's guards (loaded into memory at start), by family. */
    public Map<String, Guarded> all() {
        return db.read(c -> {
            Map<String, Guarded> out = new HashMap<>();
            for (Guarded g : Sql.list(c, "SELECT * FROM token_guards", GuardStore::map)) {
                out.put(g.family(), g);
            }
            return out;
        });
    }

    /**
     * Charges {@code sms} to a family's budget for {@code day} in the caller's transaction, or refuses with a 403
     * when that would exceed {@code budget}; the caller's transaction (the message insert) then rolls back with it.
     */
    static void charge(Connection c, BudgetCharge charge) throws SQLException {
        Sql.update(c, "INSERT INTO token_budget_use (family, day, used) VALUES (?, ?, 0) "
                + "ON CONFLICT (family, day) DO NOTHING", charge.family(), charge.day().toString());
        int charged = Sql.update(c, "UPDATE token_budget_use SET used = used + ? WHERE family = ? AND day = ? "
                + "AND used + ? <= ?", charge.sms(), charge.family(), charge.day().toString(), charge.sms(),
                charge.budget());
        if (charged == 0) {
            long used = Sql.count(c, "SELECT used FROM token_budget_use WHERE family = ? AND day = ?",
                    charge.family(), charge.day().toString());
            throw new ForbiddenException(TokenGuards.BUDGET + ": this token's daily budget of " + charge.budget()
                    + " SMS is spent (" + used + " sent on " + charge.day() + "; this message has " + charge.sms()
                    + " recipients)", TokenGuards.BUDGET, charge.jti());
        }
    }

    /** SMS a family has sent on {@code day}. */
    public long used(String family, LocalDate day) {
        return db.read(c -> Sql.one(c, "SELECT used FROM token_budget_use WHERE family = ? AND day = ?",
                rs -> rs.getLong(1), family, day.toString()).orElse(0L));
    }

    /**
     * SMS to charge to a token's daily budget along with a message.
     *
     * @param jti the sending token (named in the refusal)
     */
    public record BudgetCharge(String family, String jti, LocalDate day, int sms, int budget) {
    }

    /** Records when families last used scopes (flushed from memory with the use counts). */
    public void recordScopeUse(Map<String, Map<String, Instant>> byFamily) {
        if (byFamily.isEmpty()) {
            return;
        }
        db.writeBookkeeping(c -> {
            for (Map.Entry<String, Map<String, Instant>> f : byFamily.entrySet()) {
                for (Map.Entry<String, Instant> s : f.getValue().entrySet()) {
                    Sql.update(c, "INSERT INTO token_scope_use (family, scope, last_used_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT (family, scope) DO UPDATE SET last_used_at = "
                            + "MAX(last_used_at, excluded.last_used_at)", f.getKey(), s.getKey(), s.getValue());
                }
            }
            return null;
        });
    }

    /** The scopes each of the user's families used, with when last. */
    public Map<String, Map<String, Instant>> scopeUseOfUser(String userId) {
        return db.read(c -> {
            Map<String, Map<String, Instant>> out = new HashMap<>();
            Sql.list(c, "SELECT u.family, u.scope, u.last_used_at FROM token_scope_use u WHERE u.family IN "
                    + "(SELECT family FROM tokens WHERE user_id = ?)", rs -> {
                        out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                .put(rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)));
                        return null;
                    }, userId);
            return out;
        });
    }

    /** Drops guards, budgets and scope records of families no longer in the inventory, and old budget days. */
    public int deleteOrphans(LocalDate oldestBudgetDay) {
        return db.writeBookkeeping(c -> Sql.update(c, "DELETE FROM token_guards WHERE family NOT IN "
                + "(SELECT family FROM tokens)")
                + Sql.update(c, "DELETE FROM token_scope_use WHERE family NOT IN (SELECT family FROM tokens)")
                + Sql.update(c, "DELETE FROM token_budget_use WHERE day < ?", oldestBudgetDay.toString()));
    }

    private static Guarded map(ResultSet rs) throws SQLException {
        return new Guarded(rs.getString("family"), new TokenGuards(words(rs.getString("addresses")),
                Sql.integer(rs, "daily_budget"), words(rs.getString("recipient_prefixes")), rs.getString("hours"),
                rs.getString("time_zone")), rs.getString("budget_key"));
    }

    private static List<String> words(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
    }
}

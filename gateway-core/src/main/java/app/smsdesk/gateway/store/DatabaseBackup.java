package app.smsdesk.gateway.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consistent copies of the SQLite file while it is in use, by this process or another one: {@code VACUUM INTO}
 * reads one snapshot (WAL readers never block the writer) and writes a compact, self-contained file.
 */
public final class DatabaseBackup {
    /** Tables whose row counts a backup reports. */
    private static final List<String> COUNTED = List.of("users", "devices", "messages", "tokens", "webhooks",
            "incoming_messages", "event_log");

    private DatabaseBackup() {
    }

    /** Writes a consistent copy of {@code database} to {@code target} (which must not exist). */
    public static void snapshot(Path database, Path target) {
        if (!Files.isRegularFile(database)) {
            throw new StoreException("no database at " + database, null);
        }
        // Not query_only: SQLite counts VACUUM INTO as a write, though the source is only read.
        try (Connection c = open(database, false); PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
            s.setString(1, target.toAbsolutePath().toString());
            s.execute();
        } catch (SQLException e) {
            throw new StoreException("cannot back up " + database, e);
        }
    }

    /** {@code PRAGMA integrity_check}: {@code ["ok"]} for a sound file. */
    public static List<String> integrityCheck(Path database) {
        List<String> out = new ArrayList<>();
        try (Connection c = open(database, true); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            out.add("unreadable: " + e.getMessage());
        }
        return out;
    }

    /** The schema version ({@code user_version}) and row counts of the main tables. */
    public static Map<String, Long> describe(Path database) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = open(database, true); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                out.put("schema", rs.next() ? rs.getLong(1) : 0);
            }
            for (String table : COUNTED) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    out.put(table, rs.next() ? rs.getLong(1) : 0);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read " + database, e);
        }
        return out;
    }

    /**
     * Marks every token in a restored database revoked: the backup cannot know which were revoked after it was
     * made, so none of them may come back (audit F7). Returns how many were still valid in the backup.
     */
    public static int revokeAllTokens(Path database, java.time.Instant now) {
        try (Connection c = open(database, false)) {
            return Sql.update(c, "UPDATE tokens SET revoked_at = ? WHERE revoked_at IS NULL", now);
        } catch (SQLException e) {
            throw new StoreException("cannot revoke the tokens in " + database, e);
        }
    }

    private static Connection open(Path database, boolean queryOnly) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            if (queryOnly) {
                s.execute("PRAGMA query_only = 1");
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}

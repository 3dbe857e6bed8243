package app.smsdesk.gateway.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/** Looks into a gateway's SQLite file directly, read-only, while no gateway has it open. */
final class DatabaseFile {
    private DatabaseFile() {
    }

    /** {@code PRAGMA integrity_check}: {@code ["ok"]} for a sound file, else the problems SQLite found. */
    static List<String> integrityCheck(Path db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = openReadOnly(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The first column of every row of a query. */
    static List<String> column(Path db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = openReadOnly(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static Connection openReadOnly(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }
}

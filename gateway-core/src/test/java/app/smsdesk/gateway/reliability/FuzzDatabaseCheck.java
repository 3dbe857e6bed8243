package app.smsdesk.gateway.reliability;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * After the fuzz, with the gateway closed: the file is sound and no row is half-written (a message without
 * recipients or content, a token family without its refresh token, a webhook without a URL, a settings document
 * or log context that is not JSON).
 */
final class FuzzDatabaseCheck {
    private static final Map<String, String> NONE_EXPECTED = Map.of(
            "messages with broken content, recipients or states",
            "SELECT ext_id FROM messages WHERE content = '' OR NOT json_valid(content) OR NOT json_valid(recipients) "
                    + "OR json_array_length(recipients) = 0 OR NOT json_valid(states) OR state = ''",
            "token families without an access or a refresh token",
            "SELECT family FROM tokens GROUP BY family HAVING sum(token_use = 'access') = 0 "
                    + "OR sum(token_use = 'refresh') = 0",
            "webhooks without url or event",
            "SELECT ext_id FROM webhooks WHERE url = '' OR event = ''",
            "settings documents that are not JSON objects",
            "SELECT user_id FROM user_settings WHERE NOT json_valid(document) OR json_type(document) <> 'object'",
            "devices without a token or with broken SIM cards",
            "SELECT ext_id FROM devices WHERE token_hash = '' OR (sim_cards IS NOT NULL AND NOT json_valid(sim_cards))",
            "log entries with a context that is not JSON",
            "SELECT id FROM event_log WHERE context IS NOT NULL AND NOT json_valid(context)",
            "foreign keys pointing nowhere",
            "PRAGMA foreign_key_check");

    private FuzzDatabaseCheck() {
    }

    static List<String> problems(Path db) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String> integrity = DatabaseFile.integrityCheck(db);
        if (!integrity.equals(List.of("ok"))) {
            problems.add("integrity_check: " + integrity);
        }
        for (Map.Entry<String, String> check : NONE_EXPECTED.entrySet()) {
            List<String> rows = DatabaseFile.column(db, check.getValue());
            if (!rows.isEmpty()) {
                problems.add(check.getKey() + ": " + rows.subList(0, Math.min(5, rows.size())));
            }
        }
        return problems;
    }
}

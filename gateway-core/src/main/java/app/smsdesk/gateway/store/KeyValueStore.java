package app.smsdesk.gateway.store;

import java.util.HashMap;
import java.util.Map;

/** The gateway-wide settings table (string keys and values). */
public final class KeyValueStore {
    private final Database db;

    public KeyValueStore(Database db) {
        this.db = db;
    }

    public Map<String, String> all() {
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            for (String[] kv : Sql.list(c, "SELECT key, value FROM gateway_settings",
                    rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                out.put(kv[0], kv[1]);
            }
            return out;
        });
    }

    public void putAll(Map<String, String> values) {
        db.write(c -> {
            for (Map.Entry<String, String> e : values.entrySet()) {
                Sql.update(c, "INSERT INTO gateway_settings (key, value) VALUES (?, ?) "
                        + "ON CONFLICT (key) DO UPDATE SET value = excluded.value", e.getKey(), e.getValue());
            }
            return null;
        });
    }
}

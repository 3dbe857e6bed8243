package app.smsdesk.bench;

import app.smsdesk.gateway.Gateway;
import app.smsdesk.gateway.GatewayConfig;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.store.DataDir;
import app.smsdesk.gateway.store.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Fills a data directory with messages through a bulk path (one prepared statement, big transactions), not the
 * API. Ids are {@code s} plus 20 digits, so a load script can pick random existing ones.
 */
public final class Seeder {
    private static final int BATCH = 20_000;
    private static final String[] STATES = {"Delivered", "Delivered", "Delivered", "Delivered", "Delivered",
        "Delivered", "Delivered", "Sent", "Sent", "Failed", "Pending"};

    private Seeder() {
    }

    public static void seed(Path dataDir, int count) {
        long started = System.nanoTime();
        long[] deviceRows = createAccountAndPhones(dataDir);
        try (Database db = new Database(new DataDir(dataDir).databaseFile())) {
            Random random = new Random(42);
            long now = Instant.now().toEpochMilli();
            long span = Duration.ofDays(30).toMillis();
            for (int from = 0; from < count; from += BATCH) {
                int start = from;
                int end = Math.min(count, from + BATCH);
                db.write(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO messages (ext_id, user_id, "
                            + "device_id, type, content, recipients, states, state, with_delivery_report, priority, "
                            + "is_encrypted, created_at, updated_at) VALUES (?, 'admin', ?, 'Text', ?, ?, ?, ?, 1, 0, "
                            + "0, ?, ?)")) {
                        for (int i = start; i < end; i++) {
                            long created = now - span + (span * i / count);
                            String state = STATES[random.nextInt(STATES.length)];
                            String phone = "+1415555" + String.format("%04d", random.nextInt(10_000));
                            ps.setString(1, id(i));
                            ps.setLong(2, deviceRows[i % deviceRows.length]);
                            ps.setString(3, "{\"text\":\"Seeded message number " + i + "\"}");
                            ps.setString(4, "[{\"phoneNumber\":\"" + phone + "\",\"state\":\"" + state + "\"}]");
                            ps.setString(5, "{\"Pending\":" + created + ",\"" + state + "\":" + (created + 2000) + "}");
                            ps.setString(6, state);
                            ps.setLong(7, created);
                            ps.setLong(8, created + 2000);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                });
            }
        }
        System.out.printf("seeded %d messages in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    /** The public id of seeded message {@code i}. */
    public static String id(int i) {
        return String.format("s%020d", i);
    }

    private static long[] createAccountAndPhones(Path dataDir) {
        GatewayConfig config = new GatewayConfig("127.0.0.1", 0, dataDir, true, "admin", "bench-password-123",
                "bench-private-token", Clock.systemUTC()).withPhoneApproval(false); // the SSE bench registers phones
        try (Gateway g = Gateway.start(config)) {
            List<Device> existing = g.services().devices().list(app.smsdesk.gateway.domain.Principal.console("admin"));
            if (existing.isEmpty()) {
                g.services().devices().register("admin", "Bench/phone-1", null, List.of(), "1.68.0");
                g.services().devices().register("admin", "Bench/phone-2", null, List.of(), "1.68.0");
                existing = g.services().devices().list(app.smsdesk.gateway.domain.Principal.console("admin"));
            }
            return existing.stream().mapToLong(Device::rowId).toArray();
        }
    }
}

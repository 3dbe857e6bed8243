package app.smsdesk.desktop;

import app.smsdesk.gateway.testing.MutableClock;
import app.smsdesk.gateway.Gateway;
import app.smsdesk.gateway.GatewayConfig;
import app.smsdesk.gateway.Services;
import app.smsdesk.gateway.domain.IncomingMessage;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.domain.SimCard;
import app.smsdesk.gateway.service.SendRequest;
import app.smsdesk.gateway.service.TokenService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Fills a data directory with a plausible month of use, for screenshots and demos:
 * {@code java -cp desktop/target/smsdesk.jar:desktop/target/test-classes app.smsdesk.desktop.DemoData DIR}.
 * Message states beyond "Pending" come from phones; with no phone here they are set directly in the file.
 */
public final class DemoData {
    private DemoData() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        MutableClock clock = new MutableClock();
        Instant now = clock.instant();
        Random random = new Random(7);
        try (Gateway g = Gateway.start(new GatewayConfig("127.0.0.1", 0, dir, null, "admin", "demo-password-2026",
                null, clock))) {
            Services s = g.services();
            Principal admin = Principal.console("admin");
            clock.advance(Duration.ofHours(-3));
            // Registered with a Firebase push token: the Phones screen shows how to switch it to "SSE only".
            s.devices().register("admin", "Samsung/Galaxy A54", "demo-fcm-token", List.of(new SimCard(0, 1, "...0188",
                    "Vodafone", null)), "1.39.0");
            clock.advance(Duration.ofHours(3));
            var pixel = s.devices().register("admin", "Google/Pixel 8", null, List.of(new SimCard(0, 1, "...4471",
                    "Telekom", null), new SimCard(1, 2, "...9032", "O2", null)), "1.40.1").device();

            clock.advance(Duration.ofDays(-30));
            String[] texts = {"Your order #%d has shipped.", "Reminder: your appointment is tomorrow at 10:00.",
                "Your verification code is %d.", "Thanks for your visit! Rate us: https://example.com/r",
                "Table for 4 confirmed for Friday 19:30."};
            for (int day = 0; day < 30; day++) {
                int n = 4 + random.nextInt(12) + day / 2;
                for (int i = 0; i < n; i++) {
                    clock.advance(Duration.ofMinutes(1 + random.nextInt(60)));
                    String text = String.format(texts[random.nextInt(texts.length)], 1000 + random.nextInt(9000));
                    s.messages().send(admin, SendRequest.text(text, List.of(String.format("+1415555%04d",
                            random.nextInt(10_000)))));
                }
                clock.set(now.minus(Duration.ofDays(29 - day)));
            }
            clock.set(now.minus(Duration.ofHours(1)));
            for (int i = 0; i < 9; i++) {
                clock.advance(Duration.ofMinutes(6));
                s.inbox().record("admin", pixel, new IncomingMessage("in" + i, "SMS", null,
                        String.format("+1415555%04d", random.nextInt(10_000)), "...4471", 1,
                        List.of("Is the shop open on Sunday?", "STOP", "Yes, see you then!", "Can I move my "
                                + "appointment to 11?", "Thanks!").get(i % 5), clock.instant()), "in" + i);
            }
            clock.set(now);

            s.webhooks().upsert(admin, null, null, "https://crm.example.com/sms/incoming", "sms:received");
            s.webhooks().upsert(admin, null, null, "https://crm.example.com/sms/status", "sms:delivered");
            s.webhooks().upsert(admin, null, null, "https://crm.example.com/sms/status", "sms:failed");
            ObjectMapper json = new ObjectMapper();
            s.settings().patch(admin, json.readTree("{\"messages\":{\"send_interval_min\":5,\"send_interval_max\":"
                    + "15,\"limit_period\":\"PerHour\",\"limit_value\":120,\"sim_selection_mode\":\"RoundRobin\"},"
                    + "\"ping\":{\"interval_seconds\":300}}"));

            clock.set(now.minus(Duration.ofDays(20)));
            TokenService.IssuedTokens shop = mint(s, admin, "Shop website", List.of(Scopes.MESSAGES_SEND,
                    Scopes.MESSAGES_READ), Duration.ofDays(90));
            clock.set(now.minus(Duration.ofDays(12)));
            TokenService.IssuedTokens crm = mint(s, admin, "CRM integration", List.of(Scopes.MESSAGES_SEND,
                    Scopes.MESSAGES_READ, Scopes.INBOX_LIST, Scopes.WEBHOOKS_LIST, Scopes.WEBHOOKS_WRITE),
                    Duration.ofDays(30));
            clock.set(now.minus(Duration.ofDays(6)));
            TokenService.IssuedTokens backup = mint(s, admin, "Old backup script", List.of(Scopes.ALL),
                    Duration.ofDays(30));
            clock.set(now.minus(Duration.ofHours(9)));
            TokenService.IssuedTokens report = mint(s, admin, "Monthly report", List.of(Scopes.MESSAGES_LIST,
                    Scopes.MESSAGES_READ, Scopes.DEVICES_LIST, Scopes.LOGS_READ), Duration.ofDays(1));
            clock.set(now.minus(Duration.ofDays(40)));
            mint(s, admin, "Trial (expired)", List.of(Scopes.MESSAGES_SEND), Duration.ofDays(7));
            clock.set(now.minus(Duration.ofMinutes(30)));
            HttpClient http = HttpClient.newHttpClient();
            String api = g.localUrl() + "/3rdparty/v1";
            for (int i = 0; i < 14; i++) {
                call(http, api + "/messages/none", shop.accessToken());
            }
            for (int i = 0; i < 5; i++) {
                call(http, api + "/inbox", crm.accessToken());
            }
            call(http, api + "/devices", report.accessToken());
            http.send(HttpRequest.newBuilder(URI.create(api + "/auth/token/refresh")).header("Authorization",
                    "Bearer " + crm.refreshToken()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            clock.set(now);
            s.tokens().revokeAll(admin, List.of(backup.access().jti()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("smsdesk.db"));
             PreparedStatement ps = c.prepareStatement("UPDATE messages SET state = ?1, recipients = replace("
                     + "recipients, '\"Pending\"', '\"' || ?1 || '\"'), states = json_object('Pending', created_at, "
                     + "'Processed', created_at + 1500, ?1, created_at + 45000), updated_at = created_at + 45000 "
                     + "WHERE id = ?2")) {
            long count;
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT MAX(id) FROM messages")) {
                count = rs.getLong(1);
            }
            for (long id = 1; id <= count - 4; id++) {
                int r = random.nextInt(100);
                ps.setString(1, r < 70 ? "Delivered" : r < 93 ? "Sent" : "Failed");
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static TokenService.IssuedTokens mint(Services s, Principal admin, String name, List<String> scopes,
                                                  Duration ttl) {
        return s.tokens().mint(admin, new TokenService.MintRequest(scopes, ttl.toSeconds(), name));
    }

    private static void call(HttpClient http, String url, String token) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}

package app.smsdesk.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneDtos.ProcessingState;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Edge cases of the phone API that break real phones when missed. One gateway for the class. */
class MobileApiTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String UA = "me.capcom.smsgateway/1.68.0";
    static TestGateway gw;
    static final List<PhoneSimulator> phones = new ArrayList<>();

    @BeforeAll
    static void start() {
        gw = TestGateway.start();
    }

    @AfterAll
    static void stop() {
        phones.forEach(PhoneSimulator::close);
        gw.close();
    }

    static PhoneSimulator registered() {
        return registered(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)));
    }

    static PhoneSimulator registered(PhoneSimulator.Config c) {
        PhoneSimulator p = new PhoneSimulator(c.withClock(gw.clock()));
        phones.add(p);
        p.register();
        return p;
    }

    static HttpResult mobile(String method, String path, String auth, String body) {
        return gw.call(method, gw.mobileApi() + path, auth, body, Map.of("User-Agent", UA));
    }

    static String send(String body) {
        HttpResult r = gw.post("/messages", TestGateway.adminBasic(), body);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().get("id").asText();
    }

    @Test
    void anUnknownDeviceTokenIsExactly401WithJson() {
        for (String[] call : new String[][] {{"PATCH", "/device"}, {"GET", "/message"}, {"PATCH", "/message"},
                {"GET", "/webhooks"}, {"GET", "/settings"}, {"GET", "/events"}, {"PATCH", "/user/password"}}) {
            HttpResult r = mobile(call[0], call[1], "Bearer unknown-token-123456789", call[0].equals("GET") ? null
                    : "{}");
            assertThat(r.status()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertThat(r.header("Content-Type")).contains("application/json");
            HttpResult none = mobile(call[0], call[1], null, null);
            assertThat(none.status()).as(call[0] + " " + call[1] + " without token").isEqualTo(401);
        }
    }

    @Test
    void bothMountsAndDoubleSlashesWork() {
        PhoneSimulator p = registered();
        for (String base : List.of(gw.baseUrl() + "/mobile/v1", gw.baseUrl() + "/api/mobile/v1/",
                gw.baseUrl() + "//api//mobile/v1/")) {
            HttpResult r = gw.call("GET", base + "/message", p.bearer(), null, Map.of());
            assertThat(r.status()).as(base).isEqualTo(200);
            assertThat(r.header("Content-Type")).contains("application/json");
            assertThat(r.body()).isEqualTo("[]");
        }
        assertThat(gw.call("GET", gw.baseUrl() + "/api/mobile/v1/messages", p.bearer(), null).status())
                .isEqualTo(200);
    }

    @Test
    void registrationNeedsTheRightCredentials() {
        PhoneSimulator p = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)));
        phones.add(p);
        assertThat(p.tryRegister(new PhoneSimulator.SignUp("wrong-token"))).isEqualTo(401);
        assertThat(p.tryRegister(new PhoneSimulator.SignUp(null))).isEqualTo(401);
        assertThat(p.tryRegister(new PhoneSimulator.SignIn("admin", "wrong-password-123"))).isEqualTo(401);
        assertThat(p.tryRegister(new PhoneSimulator.ByCode("abcdef"))).isEqualTo(401);

        HttpResult ok = mobile("POST", "/device", "Bearer " + TestGateway.PRIVATE_TOKEN,
                "{\"name\":\"Google/sdk\",\"pushToken\":\"fcm-1\",\"simCards\":[{\"slotIndex\":0,\"simNumber\":1,"
                        + "\"phoneNumber\":\"*******4567\"}]}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.header("Content-Type")).contains("application/json");
        assertThat(ok.json().get("id").asText()).hasSize(21);
        assertThat(ok.json().get("token").asText()).hasSize(21);
        assertThat(ok.json().get("login").asText()).isEqualTo("admin");
        assertThat(ok.json().has("password")).isFalse();
        var device = gw.services().devices().find(gw.admin(), ok.json().get("id").asText()).orElseThrow();
        assertThat(device.name()).isEqualTo("Google/sdk");
        assertThat(device.pushToken()).isEqualTo("fcm-1");
        assertThat(device.appVersion()).isEqualTo("1.68.0");
        assertThat(device.simCards()).singleElement().satisfies(s -> assertThat(s.phoneNumber())
                .isEqualTo("*******4567"));
    }

    @Test
    void failedRegistrationsAreRateLimitedPerAddress() {
        // A gateway of its own: the limit is per client address, and every test here calls from 127.0.0.1.
        try (TestGateway own = TestGateway.start()) {
            int[] statuses = new int[7];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = own.call("POST", own.mobileApi() + "/device", "Bearer wrong", "{}").status();
            }
            assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429, 429);
            assertThat(own.call("POST", own.mobileApi() + "/device", "Bearer " + TestGateway.PRIVATE_TOKEN, "{}")
                    .status()).isEqualTo(429);
            own.clock().advance(Duration.ofMinutes(2));
            assertThat(own.call("POST", own.mobileApi() + "/device", "Bearer " + TestGateway.PRIVATE_TOKEN, "{}")
                    .status()).isEqualTo(201);
        }
    }

    @Test
    void patchDeviceChecksTheIdAndKeepsAnEmptyPushToken() {
        PhoneSimulator p = registered(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withPushToken("fcm-old"));
        String id = p.registration().id();
        assertThat(mobile("PATCH", "/device", p.bearer(), "{\"id\":\"someone-else\"}").status()).isEqualTo(403);
        assertThat(mobile("PATCH", "/device", p.bearer(), "{\"pushToken\":\"x\"}").status()).isEqualTo(400);
        HttpResult r = mobile("PATCH", "/device", p.bearer(), "{\"id\":\"" + id + "\",\"pushToken\":\"\","
                + "\"simCards\":[]}");
        assertThat(r.status()).isEqualTo(204);
        var d = gw.services().devices().find(gw.admin(), id).orElseThrow();
        assertThat(d.pushToken()).isEqualTo("fcm-old");
        assertThat(d.simCards()).isEmpty();
    }

    @Test
    void getDeviceWorksWithoutAToken() {
        HttpResult anonymous = mobile("GET", "/device", null, null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("externalIp").asText()).isEqualTo("127.0.0.1");
        assertThat(anonymous.json().has("device")).isFalse();
        PhoneSimulator p = registered();
        HttpResult known = mobile("GET", "/device", p.bearer(), null);
        assertThat(known.json().get("device").get("id").asText()).isEqualTo(p.registration().id());
        assertThat(known.json().get("device").get("lastSeen").asText()).matches(".*\\.\\d{3}Z");
    }

    @Test
    void pullingNeverChangesStateAndConvertsTtlAndPriority() {
        PhoneSimulator p = registered();
        String id = send("{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"hello\"},\"ttl\":3600,"
                + "\"priority\":100,\"simNumber\":2,\"deviceId\":\"" + p.registration().id() + "\"}");
        HttpResult first = mobile("GET", "/message?order=fifo", p.bearer(), null);
        HttpResult second = mobile("GET", "/message", p.bearer(), null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        JsonNode m = first.json().get(0);
        assertThat(m.get("id").asText()).isEqualTo(id);
        assertThat(m.get("message").asText()).isEqualTo("hello");
        assertThat(m.get("textMessage").get("text").asText()).isEqualTo("hello");
        assertThat(m.get("phoneNumbers").get(0).asText()).isEqualTo("+14155552671");
        assertThat(m.get("priority").asInt()).isEqualTo(100);
        assertThat(m.get("simNumber").asInt()).isEqualTo(2);
        assertThat(m.get("withDeliveryReport").asBoolean()).isTrue();
        assertThat(m.has("isEncrypted")).isFalse();
        assertThat(m.get("ttl").asLong()).isBetween(3590L, 3600L);
        assertThat(m.get("validUntil").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(m.get("createdAt").asText()).matches(".*T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(m.get("state").asText()).isEqualTo("Pending");
        assertThat(m.has("deviceId")).isFalse();
        assertThat(gw.get("/messages/" + id, TestGateway.adminBasic()).json().get("state").asText())
                .isEqualTo("Pending");
        assertThat(mobile("GET", "/message?order=random", p.bearer(), null).status()).isEqualTo(400);
        assertThat(p.sync()).hasSize(1); // the simulator's strict Gson parse accepts the batch
        assertThat(p.syncFailures()).isEmpty();
    }

    @Test
    void reportsAreMonotonicAndLenientAndUnknownIdsAreAccepted() {
        PhoneSimulator p = registered();
        String id = send("{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"x\"},\"deviceId\":\""
                + p.registration().id() + "\"}");
        assertThat(mobile("PATCH", "/message", p.bearer(), "[{\"id\":\"" + id + "\",\"state\":\"Pending\","
                + "\"recipients\":[{\"phoneNumber\":\"+14155552671\",\"state\":\"Pending\"}],"
                + "\"states\":{\"Pending\":\"2020-01-01T00:00:00.000+07:00\"}}]").status()).isEqualTo(204);
        JsonNode afterPending = gw.get("/messages/" + id, TestGateway.adminBasic()).json();
        assertThat(afterPending.get("state").asText()).isEqualTo("Processed");
        assertThat(mobile("GET", "/message", p.bearer(), null).body()).isEqualTo("[]"); // no longer handed out

        assertThat(mobile("PATCH", "/message", p.bearer(), "[{\"id\":\"" + id + "\",\"state\":\"Delivered\","
                + "\"recipients\":[{\"phoneNumber\":\"+14155552671\",\"state\":\"Delivered\"}],"
                + "\"states\":{\"Delivered\":\"2026-07-14T03:00:01.120+-5:00\",\"Sent\":\"garbage\"}}]").status())
                .isEqualTo(204);
        assertThat(mobile("PATCH", "/message", p.bearer(), "[{\"id\":\"" + id + "\",\"state\":\"Sent\","
                + "\"recipients\":[{\"phoneNumber\":\"+14155552671\",\"state\":\"Sent\"}]},"
                + "{\"id\":\"unknown-id\",\"state\":\"Sent\",\"recipients\":[]},"
                + "{\"state\":\"Sent\"}, {\"id\":\"x\",\"state\":\"NoSuchState\",\"recipients\":[]}]").status())
                .isEqualTo(204);
        JsonNode m = gw.get("/messages/" + id, TestGateway.adminBasic()).json();
        assertThat(m.get("state").asText()).isEqualTo("Delivered");
        assertThat(m.get("states").get("Pending").asText()).isEqualTo(afterPending.get("states").get("Pending")
                .asText()); // the server's own Pending stays
        assertThat(m.get("states").get("Delivered").asText()).isEqualTo("2026-07-14T08:00:01.120Z");
        assertThat(mobile("PATCH", "/message", p.bearer(), "{\"id\":\"x\"}").status()).isEqualTo(400);
        assertThat(mobile("PATCH", "/message", p.bearer(), "[]").status()).isEqualTo(204);
    }

    @Test
    void aPhoneCannotReportOnAnotherPhonesMessage() {
        PhoneSimulator owner = registered();
        PhoneSimulator other = registered();
        String id = send("{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"x\"},\"deviceId\":\""
                + owner.registration().id() + "\"}");
        assertThat(mobile("PATCH", "/message", other.bearer(), "[{\"id\":\"" + id + "\",\"state\":\"Failed\","
                + "\"recipients\":[{\"phoneNumber\":\"+14155552671\",\"state\":\"Failed\"}]}]").status())
                .isEqualTo(204);
        assertThat(gw.get("/messages/" + id, TestGateway.adminBasic()).json().get("state").asText())
                .isEqualTo("Pending");
    }

    @Test
    void messagesSentBeforeAnyPhoneGoToTheFirstPhoneThatPulls() {
        try (TestGateway own = TestGateway.start()) {
            HttpResult sent = own.post("/messages", TestGateway.adminBasic(),
                    "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"early\"}}");
            assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
            String id = sent.json().get("id").asText();
            PhoneSimulator p = new PhoneSimulator(PhoneSimulator.Config.of(own.mobileApi(),
                    new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withClock(own.clock()));
            phones.add(p);
            p.register();
            assertThat(p.sync()).extracting(m -> m.id).containsExactly(id);
            p.awaitReported(id, ProcessingState.Delivered, WAIT);
            JsonNode m = own.get("/messages/" + id, TestGateway.adminBasic()).json();
            assertThat(m.get("deviceId").asText()).isEqualTo(p.registration().id());
            assertThat(m.get("state").asText()).isEqualTo("Delivered");
        }
    }

    @Test
    void oldAppsDoNotGetCancellingMessages() {
        PhoneSimulator old = registered(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withAppVersion("1.60.0"));
        String id = send("{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"x\"},\"deviceId\":\""
                + old.registration().id() + "\"}");
        assertThat(gw.delete("/messages/" + id, TestGateway.adminBasic()).status()).isEqualTo(200);
        assertThat(old.send("GET", "/message", old.bearer(), null).body()).isEqualTo("[]");
        PhoneSimulator current = registered();
        String id2 = send("{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"x\"},\"deviceId\":\""
                + current.registration().id() + "\"}");
        assertThat(gw.delete("/messages/" + id2, TestGateway.adminBasic()).status()).isEqualTo(200);
        assertThat(current.send("GET", "/message", current.bearer(), null).body()).contains("Cancelling");
    }

    @Test
    void webhooksIncludeSmsDesksOwnReceiversAndOnlyEventsThePhoneKnows() {
        PhoneSimulator p = registered(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withAppVersion("1.40.0"));
        assertThat(gw.post("/webhooks", TestGateway.adminBasic(), "{\"url\":\"https://example.com/hook\","
                + "\"event\":\"app:started\"}").status()).isEqualTo(201);
        assertThat(gw.post("/webhooks", TestGateway.adminBasic(), "{\"url\":\"https://example.com/hook\","
                + "\"event\":\"sms:received\"}").status()).isEqualTo(201);
        var hooks = p.fetchWebhooks();
        assertThat(hooks).extracting(w -> w.event).contains("sms:received", "sms:data-received", "sms:sent",
                "sms:delivered", "sms:failed").doesNotContain("mms:received", "app:started");
        assertThat(hooks).filteredOn(w -> w.url.startsWith(gw.mobileApi() + "/webhooks/incoming")).hasSize(5);
        assertThat(hooks).filteredOn(w -> w.url.equals("https://example.com/hook")).hasSize(1);
        assertThat(hooks).extracting(w -> w.id).doesNotHaveDuplicates();

        assertThat(gw.get("/webhooks", TestGateway.adminBasic()).json()).allSatisfy(w ->
                assertThat(w.get("url").asText()).isEqualTo("https://example.com/hook"));
        // The phone reaches us under another base: the receiver URL follows it.
        HttpResult viaShortBase = gw.call("GET", gw.baseUrl() + "/mobile/v1/webhooks", p.bearer(), null);
        assertThat(viaShortBase.body()).contains(gw.baseUrl() + "/mobile/v1/webhooks/incoming");
    }

    @Test
    void settingsNeverCarryTheServerUrlButAlwaysTheSigningKey() {
        try (TestGateway own = TestGateway.start()) {
            own.services().settings().patch(own.admin(), app.smsdesk.gateway.http.Json.readTree((
                    "{\"gateway\":{\"cloud_url\":\"\",\"private_token\":null,\"notification_channel\":\"SSE_ONLY\"},"
                            + "\"messages\":{\"limit_period\":\"PerHour\",\"limit_value\":50}}")
                    .getBytes(StandardCharsets.UTF_8)));
            PhoneSimulator sse = new PhoneSimulator(PhoneSimulator.Config.of(own.mobileApi(),
                    new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withClock(own.clock()));
            PhoneSimulator fcm = new PhoneSimulator(PhoneSimulator.Config.of(own.mobileApi(),
                    new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withPushToken("fcm").withClock(own.clock()));
            phones.add(sse);
            phones.add(fcm);
            sse.register();
            fcm.register();
            var doc = sse.fetchSettings();
            assertThat(doc.getAsJsonObject("gateway").keySet()).containsExactly("notification_channel");
            assertThat(doc.getAsJsonObject("messages").get("limit_value").getAsInt()).isEqualTo(50);
            String key = doc.getAsJsonObject("webhooks").get("signing_key").getAsString();
            assertThat(key).hasSizeGreaterThanOrEqualTo(16);
            assertThat(doc.has("ping")).isFalse();
            var fcmDoc = fcm.fetchSettings();
            assertThat(fcmDoc.getAsJsonObject("webhooks").get("signing_key").getAsString())
                    .as("each phone has a key of its own (audit F6)").hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(key);
            assertThat(sse.fetchSettings().getAsJsonObject("webhooks").get("signing_key").getAsString())
                    .as("and keeps it").isEqualTo(key);
            assertThat(fcmDoc.getAsJsonObject("ping").get("interval_seconds").getAsInt())
                    .isEqualTo(PhoneConfig.PUSH_TOKEN_PING_SECONDS);
            assertThat(sse.syncFailures()).isEmpty();
            // The third-party API never shows the key.
            assertThat(own.get("/settings", TestGateway.adminBasic()).body()).doesNotContain(key);
        }
    }

    @Test
    void userCodeNeedsBasicAndPasswordChangeNeedsTheCurrentOne() {
        try (TestGateway own = TestGateway.start()) {
            assertThat(own.call("GET", own.mobileApi() + "/user/code", null, null).status()).isEqualTo(401);
            HttpResult code = own.call("GET", own.mobileApi() + "/user/code", TestGateway.adminBasic(), null);
            assertThat(code.json().get("code").asText()).matches("[23456789abcdefghjkmnpqrstuvwxyz]{6}");
            PhoneSimulator p = new PhoneSimulator(PhoneSimulator.Config.of(own.mobileApi(),
                    new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)));
            phones.add(p);
            p.register();
            assertThat(p.send("PATCH", "/user/password", p.bearer(), "{\"currentPassword\":\"wrong-one-1234\","
                    + "\"newPassword\":\"a-brand-new-password\"}").statusCode()).isEqualTo(401);
            assertThat(p.send("PATCH", "/user/password", p.bearer(), "{\"currentPassword\":\""
                    + TestGateway.PASSWORD + "\",\"newPassword\":\"short\"}").statusCode()).isEqualTo(400);
            assertThat(p.send("PATCH", "/user/password", p.bearer(), "{\"currentPassword\":\""
                    + TestGateway.PASSWORD + "\",\"newPassword\":\"a-brand-new-password\"}").statusCode())
                    .isEqualTo(204);
            assertThat(own.get("/devices", TestGateway.basic("admin", "a-brand-new-password")).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void lastSeenIsRecordedInMemoryAndFlushed() {
        PhoneSimulator p = registered();
        var before = gw.services().devices().find(gw.admin(), p.registration().id()).orElseThrow().lastSeen();
        gw.clock().advance(Duration.ofMinutes(5));
        assertThat(mobile("GET", "/message", p.bearer(), null).status()).isEqualTo(200);
        gw.gateway().phones().flushLastSeen();
        var after = gw.services().devices().find(gw.admin(), p.registration().id()).orElseThrow().lastSeen();
        assertThat(after).isAfter(before);
    }

    @Test
    void theEventStreamIsExactlyWhatOkHttpReads() throws Exception {
        PhoneSimulator p = registered();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(gw.mobileApi() + "/events"))
                .header("Authorization", p.bearer()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains("text/event-stream");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-cache");
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertThat(List.of(lines.readLine(), lines.readLine(), lines.readLine()))
                    .containsExactly("event: WebhooksUpdated", "data: null", "");
            assertThat(List.of(lines.readLine(), lines.readLine(), lines.readLine()))
                    .containsExactly("event: SettingsUpdated", "data: null", "");
            gw.gateway().phones().hub().sendKeepAlives();
            assertThat(List.of(lines.readLine(), lines.readLine())).containsExactly(":keepalive", "");
            String id = send("{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"x\"},\"deviceId\":\""
                    + p.registration().id() + "\"}");
            assertThat(List.of(lines.readLine(), lines.readLine(), lines.readLine()))
                    .containsExactly("event: MessageEnqueued", "data: null", "");
            gw.delete("/messages/" + id, TestGateway.adminBasic());
            assertThat(List.of(lines.readLine(), lines.readLine(), lines.readLine())).containsExactly(
                    "event: MessageCancelled", "data: {\"messageId\":\"" + id + "\"}", "");
            assertThat(gw.post("/inbox/refresh", TestGateway.adminBasic(),
                    "{\"since\":\"2026-01-01T00:00:00.123456Z\",\"until\":\"2026-01-02T00:00:00Z\","
                            + "\"triggerWebhooks\":true}").status()).isEqualTo(202);
            assertThat(lines.readLine()).isEqualTo("event: MessagesExportRequested");
            JsonNode data = app.smsdesk.gateway.http.Json.readTree(lines.readLine().substring("data: ".length())
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(data.get("since").asText()).isEqualTo("2026-01-01T00:00:00.123Z");
            assertThat(data.get("until").asText()).isEqualTo("2026-01-02T00:00:00.000Z");
            assertThat(data.get("triggerWebhooks").asText()).isEqualTo("true");
        }
    }

    @Test
    void manyStreamsStayOpenWithoutStarvingTheApi() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int phones = 15; // 4 streams each (the most one phone may hold): more than Undertow's worker threads
        List<BufferedReader> readers = new ArrayList<>();
        List<InputStream> bodies = new ArrayList<>();
        try {
            List<PhoneSimulator> sims = new ArrayList<>();
            for (int n = 0; n < phones; n++) {
                PhoneSimulator p = registered();
                sims.add(p);
                for (int i = 0; i < 4; i++) {
                    HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(
                            URI.create(gw.mobileApi() + "/events")).header("Authorization", p.bearer()).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    assertThat(r.statusCode()).isEqualTo(200);
                    bodies.add(r.body());
                    readers.add(new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8)));
                }
            }
            HttpResult health = gw.get("/health", null);
            assertThat(health.status()).isEqualTo(200);
            for (PhoneSimulator p : sims) {
                assertThat(gw.gateway().phones().hub().openStreams(p.registration().id())).isEqualTo(4);
            }
            gw.services().settings().patch(gw.admin(), app.smsdesk.gateway.http.Json.readTree(
                    "{\"logs\":{\"lifetime_days\":7}}".getBytes(StandardCharsets.UTF_8)));
            for (BufferedReader reader : readers) {
                String line;
                do {
                    line = reader.readLine();
                } while (line != null && !line.equals("event: SettingsUpdated"));
                assertThat(line).isEqualTo("event: SettingsUpdated");
            }
        } finally {
            for (InputStream b : bodies) {
                b.close();
            }
        }
    }
}

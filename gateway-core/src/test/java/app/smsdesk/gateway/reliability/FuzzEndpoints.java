package app.smsdesk.gateway.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Every JSON endpoint of both APIs with a valid request to start from (the fuzzer damages it): the third-party
 * API under both mounts, the phone API (registration, sync, settings, login code, password, signed webhooks).
 * The event stream is left out: it never ends.
 */
final class FuzzEndpoints {
    /** What valid requests need: credentials and ids that exist. */
    record Context(String bearer, String refreshBearer, String adminBasic, String privateToken, String deviceToken,
                   String phoneId, String messageId, String signingKey, long now) {
    }

    /** How an endpoint authenticates, so the fuzzer can sign or damage it. */
    enum Auth { API, REFRESH, BASIC, PRIVATE, DEVICE, SIGNED, NONE }

    record Endpoint(String name, String method, String path, Auth auth, Function<Context, String> body,
                    Function<Context, String> query) {
        boolean mobile() {
            return path.startsWith("mobile:");
        }

        /** Answers without credentials too (the phone's "who am I"). */
        boolean optionalAuth() {
            return name.equals("who am i");
        }
    }

    private static final String[] THIRD_PARTY = {"/3rdparty/v1", "/api/3rdparty/v1"};
    private static final String[] MOBILE = {"/mobile/v1", "/api/mobile/v1"};

    static final List<Endpoint> ALL = List.of(
            api("mint", "POST", "/auth/token", c -> "{\"scopes\":[\"messages:send\",\"messages:read\"],\"ttl\":3600,"
                    + "\"name\":\"fuzz\"}"),
            new Endpoint("refresh", "POST", "/auth/token/refresh", Auth.REFRESH, c -> "{}", c -> ""),
            api("revoke", "DELETE", "/auth/token/P7dgNtmnJwh6MYpnCf_sZ", null),
            api("tokens", "GET", "/auth/tokens", null),
            new Endpoint("send text", "POST", "/messages", Auth.API, c -> "{\"phoneNumbers\":[\"+14155552671\","
                    + "\"+14155552672\"],\"textMessage\":{\"text\":\"Hello \\u00e9 \\ud83d\\ude00\"},\"simNumber\":1,"
                    + "\"withDeliveryReport\":true,\"priority\":100,\"ttl\":3600,\"isEncrypted\":false,"
                    + "\"deviceId\":\"" + c.phoneId() + "\"}", c -> "?skipPhoneValidation=false&deviceActiveWithin=12"),
            new Endpoint("send data", "POST", "/message", Auth.API, c -> "{\"phoneNumbers\":[\"+14155552671\"],"
                    + "\"dataMessage\":{\"data\":"
                    + "\"AQIDBA==\",\"port\":53739},\"validUntil\":\"2030-01-01T00:00:00.000Z\","
                    + "\"scheduleAt\":\"2029-01-01T00:00:00.000+07:00\"}", c -> ""),
            apiQuery("list", "GET", "/messages", c -> "?limit=10&offset=0&state=Pending&from=2024-01-01T00:00:00.000Z"
                    + "&to=2031-01-01T00:00:00Z&deviceId=" + c.phoneId() + "&includeContent=true"),
            apiId("get", "GET", "/messages/"),
            apiId("cancel", "DELETE", "/messages/"),
            api("export", "POST", "/messages/inbox/export", c -> exportBody(c)),
            api("inbox export", "POST", "/inbox/export", c -> exportBody(c)),
            apiQuery("inbox", "GET", "/inbox", c -> "?limit=5&offset=0&type=SMS&from=2024-01-01T00:00:00.000Z"),
            api("inbox refresh", "POST", "/inbox/refresh", c -> exportBody(c)),
            api("webhooks", "GET", "/webhooks", null),
            api("add webhook", "POST", "/webhooks", c -> "{\"id\":\"fuzz-hook\",\"url\":\"https://example.com/hook\","
                    + "\"event\":\"sms:received\",\"deviceId\":\"" + c.phoneId() + "\"}"),
            api("delete webhook", "DELETE", "/webhooks/fuzz-hook", null),
            api("settings", "GET", "/settings", null),
            api("patch settings", "PATCH", "/settings", c -> settingsBody()),
            api("put settings", "PUT", "/settings", c -> settingsBody()),
            apiQuery("logs", "GET", "/logs", c -> "?from=2024-01-01T00:00:00.000Z&to=2031-01-01T00:00:00.000Z"),
            api("devices", "GET", "/devices", null),
            api("delete device", "DELETE", "/devices/nonexistentDevice00001", null),
            new Endpoint("health", "GET", "/health/ready", Auth.NONE, null, c -> ""),
            phone("register", "POST", "/device", Auth.PRIVATE, c -> "{\"name\":\"Fuzz/phone\",\"pushToken\":null,"
                    + "\"simCards\":[{\"slotIndex\":0,\"simNumber\":1,\"phoneNumber\":\"+14155550000\","
                    + "\"carrierName\":\"X\",\"iccid\":\"8901\"}]}"),
            phone("update device", "PATCH", "/device", Auth.DEVICE, c -> "{\"id\":\"" + c.phoneId()
                    + "\",\"pushToken\":\"\",\"simCards\":[{\"slotIndex\":0,\"simNumber\":1}]}"),
            phone("who am i", "GET", "/device", Auth.DEVICE, null),
            new Endpoint("pull", "GET", "mobile:/message", Auth.DEVICE, null, c -> "?order=fifo"),
            phone("report", "PATCH", "/message", Auth.DEVICE, c -> "[{\"id\":\"" + c.messageId() + "\",\"state\":"
                    + "\"Processed\",\"recipients\":[{\"phoneNumber\":\"+14155552671\",\"state\":\"Processed\","
                    + "\"error\":null}],\"states\":{\"Pending\":\"2024-01-01T00:00:00.000+07:00\",\"Processed\":"
                    + "\"2024-01-01T00:00:01.000+07:00\"}}]"),
            phone("phone webhooks", "GET", "/webhooks", Auth.DEVICE, null),
            phone("phone settings", "GET", "/settings", Auth.DEVICE, null),
            phone("login code", "GET", "/user/code", Auth.BASIC, null),
            phone("password", "PATCH", "/user/password", Auth.DEVICE, c -> "{\"currentPassword\":\"not-the-password"
                    + "-0000\",\"newPassword\":\"a-new-password-that-is-long\"}"),
            phone("inbound sms", "POST", "/webhooks/incoming", Auth.SIGNED, c -> envelope(c, "sms:received",
                    "{\"message\":\"hi\",\"sender\":\"+15550001111\",\"recipient\":\"+15550002222\",\"messageId\":\""
                    + "m" + c.now() + "\",\"receivedAt\":\"2024-01-01T00:00:00.000+07:00\",\"simNumber\":1}")),
            phone("inbound data", "POST", "/webhooks/incoming", Auth.SIGNED, c -> envelope(c, "sms:data-received",
                    "{\"data\":\"AQID\",\"sender\":\"+15550001111\",\"messageId\":\"d" + c.now() + "\","
                    + "\"receivedAt\":\"2024-01-01T00:00:00.000Z\",\"simNumber\":2}")),
            phone("inbound state", "POST", "/webhooks/incoming", Auth.SIGNED, c -> envelope(c, "sms:delivered",
                    "{\"messageId\":\"" + c.messageId() + "\",\"phoneNumber\":\"+14155552671\",\"deliveredAt\":"
                    + "\"2024-01-01T00:00:02.000+07:00\"}")));

    private FuzzEndpoints() {
    }

    private static Endpoint api(String name, String method, String path, Function<Context, String> body) {
        return new Endpoint(name, method, path, Auth.API, body, c -> "");
    }

    private static Endpoint apiQuery(String name, String method, String path, Function<Context, String> query) {
        return new Endpoint(name, method, path, Auth.API, null, query);
    }

    private static Endpoint apiId(String name, String method, String path) {
        return new Endpoint(name, method, path + "{message}", Auth.API, null, c -> "");
    }

    private static Endpoint phone(String name, String method, String path, Auth auth, Function<Context, String> body) {
        return new Endpoint(name, method, "mobile:" + path, auth, body, c -> "");
    }

    private static String exportBody(Context c) {
        return "{\"deviceId\":\"" + c.phoneId() + "\",\"since\":\"2024-01-01T00:00:00.000Z\",\"until\":"
                + "\"2024-01-02T00:00:00.000Z\",\"messageTypes\":[\"SMS\",\"DATA_SMS\"],\"triggerWebhooks\":true}";
    }

    private static String settingsBody() {
        return "{\"messages\":{\"limit_period\":\"PerHour\",\"limit_value\":1000,\"send_interval_min\":1,"
                + "\"send_interval_max\":2},\"webhooks\":{\"retry_count\":3},\"logs\":{\"lifetime_days\":30}}";
    }

    private static String envelope(Context c, String event, String payload) {
        return "{\"id\":\"e" + c.now() + "\",\"webhookId\":\"w1\",\"event\":\"" + event + "\",\"deviceId\":\""
                + c.phoneId() + "\",\"payload\":" + payload + "}";
    }

    /** A valid request for the endpoint, under a randomly chosen mount. */
    static FuzzRequest build(Endpoint e, Context c, Random random) {
        String path = e.path().replace("{message}", c.messageId());
        String base = e.mobile() ? MOBILE[random.nextInt(2)] + path.substring("mobile:".length())
                : THIRD_PARTY[random.nextInt(2)] + path;
        if (e.auth() == Auth.NONE) {
            base = path;
        }
        String body = e.body() == null ? null : e.body().apply(c);
        FuzzRequest r = new FuzzRequest(e.name(), e.method(), base + e.query().apply(c),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        r.header("User-Agent", e.mobile() ? "me.capcom.smsgateway/1.68.0" : "fuzz/1.0");
        switch (e.auth()) {
            case API -> r.header("Authorization", c.bearer());
            case REFRESH -> r.header("Authorization", c.refreshBearer());
            case BASIC -> r.header("Authorization", c.adminBasic());
            case PRIVATE -> r.header("Authorization", "Bearer " + c.privateToken());
            case DEVICE -> r.header("Authorization", "Bearer " + c.deviceToken());
            default -> { }
        }
        return r;
    }
}

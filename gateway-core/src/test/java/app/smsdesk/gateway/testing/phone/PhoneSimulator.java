package app.smsdesk.gateway.testing.phone;

import app.smsdesk.gateway.testing.LeakWatch;
import app.smsdesk.gateway.testing.phone.PhoneDtos.Message;
import app.smsdesk.gateway.testing.phone.PhoneDtos.MessagePatch;
import app.smsdesk.gateway.testing.phone.PhoneDtos.ProcessingState;
import app.smsdesk.gateway.testing.phone.PhoneDtos.RecipientState;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

/**
 * A headless "SMS Gateway for Android" app (v1.68.0 by default) in private-server mode, as mobile-sync §6
 * describes it: registers, pulls, sends (simulated), reports every state, listens on SSE, cancels, and posts
 * signed webhooks. Responses are parsed with Gson configured like the app, plus the strict checks of §6.6, so
 * anything a real phone would choke on fails here. Reusable by benchmarks: {@link #onPull} observes every pull.
 */
public final class PhoneSimulator implements AutoCloseable {
    private static final Pattern PHONE_DATE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Map<String, String> EVENT_SINCE = Map.of("sms:received", "0.0.0", "sms:sent", "0.0.0",
            "system:ping", "0.0.0", "sms:delivered", "1.19.0", "sms:failed", "1.19.0", "sms:data-received",
            "1.39.0", "mms:received", "1.47.0", "mms:downloaded", "1.56.0", "app:started", "1.66.0",
            "sms:cancelled", "1.67.0");

    /** How the phone registers (mobile-sync §1.2). */
    public sealed interface Mode {
    }

    /** "Sign up" with the private token (empty: no Authorization header). */
    public record SignUp(String privateToken) implements Mode {
    }

    /** "Sign in" with an account login. */
    public record SignIn(String login, String password) implements Mode {
    }

    /** "Sign in by code". */
    public record ByCode(String code) implements Mode {
    }

    /**
     * The simulator's knobs.
     *
     * @param baseUrl the mobile API base the user typed, e.g. {@code https://127.0.0.1:3443/api/mobile/v1}
     * @param mode how to register
     * @param pushToken FCM token; null means SSE
     * @param appVersion app version for the User-Agent
     * @param tls trust for HTTPS, or null
     * @param zone the phone's time zone offset for the dates it writes
     * @param holdMessages keep new messages Pending (as if scheduled) until {@link #release}
     * @param sseRetry delay before reconnecting a closed event stream
     * @param clock the phone's clock
     */
    public record Config(String baseUrl, Mode mode, String pushToken, String appVersion, SSLContext tls,
                         ZoneOffset zone, boolean holdMessages, Duration sseRetry, Clock clock) {
        public static Config of(String baseUrl, Mode mode) {
            return new Config(baseUrl, mode, null, "1.68.0", null, ZoneOffset.ofHours(7), false,
                    Duration.ofMillis(100), Clock.systemUTC());
        }

        public Config withTls(SSLContext t) {
            return new Config(baseUrl, mode, pushToken, appVersion, t, zone, holdMessages, sseRetry, clock);
        }

        public Config withPushToken(String p) {
            return new Config(baseUrl, mode, p, appVersion, tls, zone, holdMessages, sseRetry, clock);
        }

        public Config withAppVersion(String v) {
            return new Config(baseUrl, mode, pushToken, v, tls, zone, holdMessages, sseRetry, clock);
        }

        public Config holding() {
            return new Config(baseUrl, mode, pushToken, appVersion, tls, zone, true, sseRetry, clock);
        }

        public Config withClock(Clock c) {
            return new Config(baseUrl, mode, pushToken, appVersion, tls, zone, holdMessages, sseRetry, c);
        }
    }

    /**
     * The stored registration (gateway.REGISTRATION_INFO).
     *
     * @param id device id
     * @param token device token
     * @param login account login
     * @param password account password, or null
     */
    public record Registration(String id, String token, String login, String password) {
    }

    /** A message as the phone keeps it. */
    public static final class LocalMessage {
        final String id;
        final Map<String, ProcessingState> recipients = new LinkedHashMap<>();
        final Map<String, String> errors = new LinkedHashMap<>();
        final Map<ProcessingState, Instant> history = new LinkedHashMap<>();
        final Message source;

        LocalMessage(Message source) {
            this.id = source.id;
            this.source = source;
        }

        public synchronized ProcessingState state() {
            return aggregate(recipients.values());
        }

        public synchronized Map<String, ProcessingState> recipients() {
            return Map.copyOf(recipients);
        }

        public Message source() {
            return source;
        }
    }

    private record UnsentWebhook(String url, String body) {
    }

    private final Config config;
    private final HttpClient http;
    private final String userAgent;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "phone-sender"));
    private final Map<String, LocalMessage> messages = new ConcurrentHashMap<>();
    private final Map<String, String> failSend = new ConcurrentHashMap<>();
    private final Map<String, String> failDelivery = new ConcurrentHashMap<>();
    private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private final List<String> syncFailures = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Message>>> pullListeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<ProcessingState>> reported = new LinkedHashMap<>();
    private final Map<String, MessagePatch> unsentReports = new ConcurrentHashMap<>();
    private final Queue<UnsentWebhook> unsentWebhooks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger resent = new AtomicInteger();
    private volatile Registration registration;
    private volatile List<PhoneDtos.Webhook> cloudWebhooks = List.of();
    private volatile JsonObject settings = new JsonObject();
    private volatile String signingKey = randomKey();
    private volatile String signingKeyOverride;
    private volatile EventStreamClient stream;
    private volatile boolean closed;

    public PhoneSimulator(Config config) {
        this.config = config;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (config.tls() != null) {
            b.sslContext(config.tls());
        }
        this.http = b.build();
        this.userAgent = "me.capcom.smsgateway/" + config.appVersion();
    }

    // ---------------------------------------------------------------- boot and registration

    /** Service start (§6.3): register or update, pull, fetch webhooks and settings, then SSE if no push token. */
    public PhoneSimulator start() {
        if (registration == null || updateDevice() == 401) {
            register();
        }
        sync();
        fetchWebhooks();
        fetchSettings();
        if (config.pushToken() == null) {
            openEvents();
        }
        return this;
    }

    /** {@code POST /device} with the auth of the mode; fails unless 2xx with id, token and login. */
    public Registration register() {
        PhoneDtos.RegisterRequest body = new PhoneDtos.RegisterRequest();
        body.name = "Simulator/sim";
        body.pushToken = config.pushToken();
        body.simCards = List.of(new PhoneDtos.SimCard(0, "*******1234"));
        HttpResponse<String> r = send("POST", "/device", authorization(config.mode()), PhoneDtos.GSON.toJson(body));
        requireJson(r, "POST /device");
        PhoneDtos.RegisterResponse reg = PhoneDtos.GSON.fromJson(r.body(), PhoneDtos.RegisterResponse.class);
        if (reg == null || blank(reg.id) || blank(reg.token) || blank(reg.login)) {
            throw new IllegalStateException("registration answer lacks id, token or login: " + r.body());
        }
        registration = new Registration(reg.id, reg.token, reg.login, reg.password);
        LeakWatch.watch(reg.token);
        return registration;
    }

    /** Tries a registration and returns only the status (for negative tests). */
    public int tryRegister(Mode mode) {
        return send("POST", "/device", authorization(mode), "{\"name\":\"Simulator/sim\",\"simCards\":[]}")
                .statusCode();
    }

    /** {@code PATCH /device}; a 401 drops the registration (the app then registers again). */
    public int updateDevice() {
        PhoneDtos.UpdateRequest body = new PhoneDtos.UpdateRequest();
        body.id = registration.id();
        body.pushToken = config.pushToken();
        body.simCards = List.of(new PhoneDtos.SimCard(0, "*******1234"));
        int status = send("PATCH", "/device", bearer(), PhoneDtos.GSON.toJson(body)).statusCode();
        if (status == 401) {
            registration = null;
        }
        return status;
    }

    public Registration registration() {
        return registration;
    }

    /** Uses a registration from elsewhere (a phone that was paired before). */
    public void restore(Registration r) {
        this.registration = r;
    }

    // ---------------------------------------------------------------- messages

    /** {@code GET /message} and the intake of §6.5. Throws (and records) what would fail on a phone. */
    public synchronized List<Message> sync() {
        HttpResponse<String> r = send("GET", "/message?order=lifo", bearer(), null);
        List<Message> batch;
        try {
            requireJson(r, "GET /message");
            batch = parseStrict(r.body());
        } catch (RuntimeException e) {
            syncFailures.add(e.getMessage());
            throw e;
        }
        pullListeners.forEach(l -> l.accept(batch));
        for (Message m : batch) {
            intake(m);
        }
        return batch;
    }

    private List<Message> parseStrict(String body) {
        JsonElement tree = JsonParser.parseString(body);
        if (!tree.isJsonArray()) {
            throw new IllegalStateException("GET /message: not a JSON array: " + body);
        }
        for (JsonElement e : tree.getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            for (String f : List.of("validUntil", "scheduleAt", "createdAt")) {
                if (o.has(f) && !PHONE_DATE.matcher(o.get(f).getAsString()).matches()) {
                    throw new IllegalStateException("phone would mis-parse " + f + " = " + o.get(f));
                }
            }
            if (o.has("priority") && (o.get("priority").getAsInt() < -128 || o.get("priority").getAsInt() > 127)) {
                throw new IllegalStateException("priority out of -128..127: " + o.get("priority"));
            }
            if (o.has("dataMessage") && o.getAsJsonObject("dataMessage").has("port")) {
                int port = o.getAsJsonObject("dataMessage").get("port").getAsInt();
                if (port < 0 || port > 65_535) {
                    throw new IllegalStateException("port out of range: " + port);
                }
            }
            if (o.has("ttl") && !o.has("validUntil")) {
                throw new IllegalStateException("ttl without validUntil: the app has no ttl field");
            }
        }
        try {
            Message[] parsed = PhoneDtos.GSON.fromJson(body, Message[].class);
            return List.of(parsed);
        } catch (JsonSyntaxException e) {
            throw new IllegalStateException("Gson rejects the batch: " + e.getMessage(), e);
        }
    }

    private void intake(Message m) {
        if (m.state == ProcessingState.Cancelling) {
            LocalMessage known = messages.get(m.id);
            if (known == null) {
                MessagePatch p = cancelledUnknown(m);
                if (patch(p) / 100 == 2) {
                    synchronized (reported) {
                        reported.computeIfAbsent(m.id, k -> new ArrayList<>()).add(p.state);
                        reported.notifyAll();
                    }
                }
            } else {
                cancelIfPending(known);
            }
            return;
        }
        if (m.state != null && m.state != ProcessingState.Pending) {
            return;
        }
        LocalMessage known = messages.get(m.id);
        if (known != null) {
            patch(known);
            return;
        }
        if ((m.textMessage == null && m.dataMessage == null && m.message == null) || m.phoneNumbers == null) {
            return;
        }
        LocalMessage local = new LocalMessage(m);
        synchronized (local) {
            m.phoneNumbers.forEach(p -> local.recipients.put(p, ProcessingState.Pending));
            local.history.put(ProcessingState.Pending, now());
        }
        messages.put(m.id, local);
        if (!config.holdMessages()) {
            later(() -> pipeline(local));
        }
    }

    /** Sends a held message now (the send pipeline of §6.6). */
    public void release(String messageId) {
        LocalMessage m = messages.get(messageId);
        later(() -> pipeline(m));
    }

    private void pipeline(LocalMessage m) {
        if (m.state() != ProcessingState.Pending) {
            return;
        }
        if (m.source.validUntil != null && m.source.validUntil.toInstant().isBefore(now())) {
            setAll(m, ProcessingState.Failed, "TTL expired");
            patch(m);
            webhooks(m, "sms:failed");
            return;
        }
        setAll(m, ProcessingState.Processed, null);
        patch(m);
        synchronized (m) {
            for (String p : m.recipients.keySet()) {
                String fail = failSend.get(p);
                m.recipients.put(p, fail == null ? ProcessingState.Sent : ProcessingState.Failed);
                if (fail != null) {
                    m.errors.put(p, "Send result: " + fail);
                }
            }
            m.history.putIfAbsent(ProcessingState.Sent, now());
        }
        patch(m);
        webhooks(m, null);
        if (Boolean.FALSE.equals(m.source.withDeliveryReport)) {
            return;
        }
        synchronized (m) {
            for (String p : m.recipients.keySet()) {
                if (m.recipients.get(p) != ProcessingState.Sent) {
                    continue;
                }
                String fail = failDelivery.get(p);
                m.recipients.put(p, fail == null ? ProcessingState.Delivered : ProcessingState.Failed);
                if (fail != null) {
                    m.errors.put(p, "Delivery result: " + fail);
                }
            }
            m.history.putIfAbsent(ProcessingState.Delivered, now());
        }
        patch(m);
        webhooks(m, null);
    }

    private void cancelIfPending(LocalMessage m) {
        boolean cancelled;
        synchronized (m) {
            cancelled = m.recipients.values().stream().allMatch(s -> s == ProcessingState.Pending);
            if (cancelled) {
                m.recipients.replaceAll((p, s) -> ProcessingState.Cancelled);
                m.history.put(ProcessingState.Cancelled, now());
            }
        }
        if (cancelled) {
            patch(m);
        }
    }

    private MessagePatch cancelledUnknown(Message m) {
        MessagePatch p = new MessagePatch();
        p.id = m.id;
        p.state = ProcessingState.Cancelled;
        p.recipients = new ArrayList<>();
        for (String n : m.phoneNumbers == null ? List.<String>of() : m.phoneNumbers) {
            RecipientState r = new RecipientState();
            r.phoneNumber = n;
            r.state = ProcessingState.Cancelled;
            p.recipients.add(r);
        }
        p.states = Map.of("Cancelled", format(now()));
        return p;
    }

    private void setAll(LocalMessage m, ProcessingState s, String error) {
        synchronized (m) {
            m.recipients.replaceAll((p, old) -> s);
            if (error != null) {
                m.recipients.keySet().forEach(p -> m.errors.put(p, error));
            }
            m.history.putIfAbsent(s, now());
        }
    }

    private void patch(LocalMessage m) {
        MessagePatch p = patchOf(m);
        if (patch(p) / 100 == 2) {
            synchronized (reported) {
                reported.computeIfAbsent(m.id, k -> new ArrayList<>()).add(p.state);
                reported.notifyAll();
            }
        }
    }

    /** Waits until the gateway acknowledged a PATCH reporting {@code state} for the message. */
    public void awaitReported(String messageId, ProcessingState state, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (reported) {
            while (!reported.getOrDefault(messageId, List.of()).contains(state)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("message " + messageId + " was not reported " + state + " within "
                            + timeout + "; reported " + reported.get(messageId) + "; failures " + syncFailures);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(reported, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** The PATCH body item built from the current local state (§3.4). */
    public MessagePatch patchOf(LocalMessage m) {
        synchronized (m) {
            MessagePatch p = new MessagePatch();
            p.id = m.id;
            p.state = aggregate(m.recipients.values());
            p.recipients = new ArrayList<>();
            m.recipients.forEach((n, s) -> {
                RecipientState r = new RecipientState();
                r.phoneNumber = n;
                r.state = s;
                r.error = m.errors.get(n);
                p.recipients.add(r);
            });
            p.states = new LinkedHashMap<>();
            m.history.forEach((s, t) -> p.states.put(s.name(), format(t)));
            return p;
        }
    }

    /**
     * Sends one PATCH /message with up to 3 attempts; returns the last status, or -1 when the gateway cannot be
     * reached. A report that does not get through is kept and sent again on the next (re)connect, as the app's
     * retrying worker does, so a gateway restart loses no state.
     */
    public int patch(MessagePatch item) {
        String body = PhoneDtos.GSON.toJson(List.of(item));
        int status = -1;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                status = send("PATCH", "/message", bearer(), body).statusCode();
            } catch (UncheckedIOException e) {
                status = -1;
                break;
            }
            if (status / 100 == 2) {
                unsentReports.remove(item.id, item);
                return status;
            }
        }
        unsentReports.put(item.id, item); // a newer report of a message replaces an older one
        return status;
    }

    /** Reports and webhooks that have not got through yet. */
    public int unsent() {
        return unsentReports.size() + unsentWebhooks.size();
    }

    /** How many reports and webhooks were sent again after first failing. */
    public int resent() {
        return resent.get();
    }

    /** Sends the reports and webhooks that failed before (called on every stream (re)connect). */
    public void retryUnsent() {
        for (MessagePatch p : List.copyOf(unsentReports.values())) {
            if (unsentReports.get(p.id) != p) {
                continue;
            }
            if (patch(p) / 100 != 2) {
                return; // still unreachable: keep the rest for the next attempt
            }
            resent.incrementAndGet();
            synchronized (reported) {
                reported.computeIfAbsent(p.id, k -> new ArrayList<>()).add(p.state);
                reported.notifyAll();
            }
        }
        for (UnsentWebhook w = unsentWebhooks.peek(); w != null; w = unsentWebhooks.peek()) {
            int status = postSigned(w.url(), w.body()); // signed again: the app signs at sending time
            if (status / 100 != 2) {
                return;
            }
            unsentWebhooks.remove(w);
            resent.incrementAndGet();
        }
    }

    static ProcessingState aggregate(java.util.Collection<ProcessingState> states) {
        for (ProcessingState s : List.of(ProcessingState.Pending, ProcessingState.Cancelling,
                ProcessingState.Cancelled, ProcessingState.Processed)) {
            if (states.contains(s)) {
                return s;
            }
        }
        if (!states.isEmpty() && states.stream().allMatch(s -> s == ProcessingState.Failed)) {
            return ProcessingState.Failed;
        }
        if (!states.isEmpty() && states.stream().allMatch(s -> s == ProcessingState.Delivered)) {
            return ProcessingState.Delivered;
        }
        return ProcessingState.Sent;
    }

    public Optional<LocalMessage> message(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    /** Makes sending to {@code phone} fail with this radio result. */
    public void failSendTo(String phone, String result) {
        failSend.put(phone, result);
    }

    /** Makes the delivery report for {@code phone} a failure. */
    public void failDeliveryTo(String phone, String result) {
        failDelivery.put(phone, result);
    }

    /** Observes every successful pull (e.g. to time the wake-up latency). */
    public void onPull(Consumer<List<Message>> listener) {
        pullListeners.add(listener);
    }

    /** What failed to parse or check, as it would fail on a real phone. */
    public List<String> syncFailures() {
        return List.copyOf(syncFailures);
    }

    /** Waits until the sending thread has done everything queued so far. */
    public void drain() {
        try {
            sender.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- webhooks and settings

    /** {@code GET /webhooks}: replaces the cloud list; fails like the app on a missing id or unknown event. */
    public List<PhoneDtos.Webhook> fetchWebhooks() {
        HttpResponse<String> r = send("GET", "/webhooks", bearer(), null);
        requireJson(r, "GET /webhooks");
        PhoneDtos.Webhook[] list = PhoneDtos.GSON.fromJson(r.body(), PhoneDtos.Webhook[].class);
        for (PhoneDtos.Webhook w : list) {
            if (blank(w.id) || blank(w.url) || !knowsEvent(w.event)) {
                syncFailures.add("webhook the app cannot take: " + PhoneDtos.GSON.toJson(w));
                throw new IllegalStateException("webhook the app cannot take: " + PhoneDtos.GSON.toJson(w));
            }
        }
        cloudWebhooks = List.of(list);
        return cloudWebhooks;
    }

    /** {@code GET /settings}: an object of objects; takes the signing key. */
    public JsonObject fetchSettings() {
        HttpResponse<String> r = send("GET", "/settings", bearer(), null);
        requireJson(r, "GET /settings");
        JsonObject doc = JsonParser.parseString(r.body()).getAsJsonObject();
        for (Map.Entry<String, JsonElement> section : doc.entrySet()) {
            if (!section.getValue().isJsonObject()) {
                throw new IllegalStateException("settings section is not an object: " + section.getKey());
            }
        }
        JsonObject gateway = doc.getAsJsonObject("gateway");
        if (gateway != null && (gateway.has("cloud_url") || gateway.has("private_token"))) {
            syncFailures.add("settings would re-point the app: " + gateway);
        }
        JsonObject hooks = doc.getAsJsonObject("webhooks");
        if (hooks != null && hooks.has("signing_key") && hooks.get("signing_key").isJsonPrimitive()) {
            signingKey = hooks.get("signing_key").getAsString();
            LeakWatch.watch(signingKey);
        }
        settings = doc;
        return doc;
    }

    public List<PhoneDtos.Webhook> cloudWebhooks() {
        return cloudWebhooks;
    }

    public JsonObject settings() {
        return settings;
    }

    /** Signs webhooks with this key instead of the one from the settings (to test rejection). */
    public void overrideSigningKey(String key) {
        this.signingKeyOverride = key;
    }

    /**
     * A text SMS arrives: POSTs {@code sms:received} to every cloud webhook for it and returns the statuses.
     * {@code messageId} is the app's content hash, so re-sending the same SMS gives the same id.
     */
    public List<Integer> receiveSms(String sender, String text, Instant receivedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("message", text);
        payload.put("receivedAt", format(receivedAt));
        payload.put("messageId", HexFormat.of().formatHex(sha256(sender + receivedAt.toEpochMilli() + "1" + text))
                .substring(0, 8));
        payload.put("sender", sender);
        payload.put("recipient", "+15550009999");
        payload.put("simNumber", 1);
        payload.put("phoneNumber", sender);
        return emit("sms:received", payload);
    }

    private void webhooks(LocalMessage m, String forced) {
        Map<String, ProcessingState> snapshot;
        synchronized (m) {
            snapshot = Map.copyOf(m.recipients);
        }
        snapshot.forEach((phone, s) -> {
            String event = forced != null ? forced : switch (s) {
                case Sent -> "sms:sent";
                case Delivered -> "sms:delivered";
                case Failed -> "sms:failed";
                default -> null;
            };
            if (event == null) {
                return;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("messageId", m.id);
            payload.put("phoneNumber", phone);
            payload.put("recipient", phone);
            payload.put("simNumber", 1);
            switch (event) {
                case "sms:sent" -> {
                    payload.put("sentAt", format(now()));
                    payload.put("partsCount", 1);
                }
                case "sms:delivered" -> payload.put("deliveredAt", format(now()));
                default -> {
                    payload.put("failedAt", format(now()));
                    payload.put("reason", m.errors.getOrDefault(phone, "Unknown"));
                }
            }
            emit(event, payload);
        });
    }

    /** POSTs a signed envelope to every cloud webhook for {@code event}; returns the statuses. */
    public List<Integer> emit(String event, Map<String, Object> payload) {
        List<Integer> statuses = new ArrayList<>();
        for (PhoneDtos.Webhook w : cloudWebhooks) {
            if (!event.equals(w.event)) {
                continue;
            }
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("id", randomKey() + randomKey());
            envelope.put("webhookId", w.id);
            envelope.put("event", event);
            envelope.put("deviceId", registration.id());
            envelope.put("payload", payload);
            String body = PhoneDtos.GSON.toJson(envelope);
            int status = postSigned(w.url, body);
            if (status < 0) {
                unsentWebhooks.add(new UnsentWebhook(w.url, body));
            }
            statuses.add(status);
        }
        return statuses;
    }

    /**
     * POSTs a body with the app's signing headers (HMAC-SHA256 over body + timestamp, signed at sending time);
     * -1 when the gateway cannot be reached.
     */
    public int postSigned(String url, String body) {
        String timestamp = Long.toString(config.clock().instant().getEpochSecond());
        String key = signingKeyOverride != null ? signingKeyOverride : signingKey;
        String signature = HexFormat.of().formatHex(hmac(key, body + timestamp));
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("User-Agent", userAgent)
                .header("X-Timestamp", timestamp).header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return execute(req).statusCode();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- events (SSE)

    /** Opens {@code GET /events} and keeps it open, reconnecting after {@code sseRetry} when it closes. */
    public void openEvents() {
        closeEvents();
        EventStreamClient client = new EventStreamClient(http, URI.create(config.baseUrl() + "/events"),
                this::bearer, config.sseRetry(), new EventStreamClient.Listener() {
                    @Override
                    public void opened() {
                        later(PhoneSimulator.this::retryUnsent);
                        later(PhoneSimulator.this::syncQuietly); // the app pulls on every (re)connect
                    }

                    @Override
                    public void event(SseEvent event) {
                        dispatch(event);
                    }

                    @Override
                    public void comment(String text) {
                        events.add(new SseEvent(":comment", text));
                    }

                    @Override
                    public void problem(String what) {
                        syncFailures.add(what);
                    }
                });
        stream = client;
        client.start();
    }

    private void dispatch(SseEvent e) {
        String name = e.name() == null ? "MessageEnqueued" : e.name();
        switch (name) {
            case "MessageEnqueued" -> later(this::syncQuietly);
            case "WebhooksUpdated" -> later(this::fetchWebhooks);
            case "SettingsUpdated" -> later(this::fetchSettings);
            case "MessageCancelled" -> {
                JsonObject d = JsonParser.parseString(e.data()).getAsJsonObject();
                LocalMessage m = messages.get(d.get("messageId").getAsString());
                if (m != null) {
                    later(() -> cancelIfPending(m));
                }
            }
            default -> { }
        }
        events.add(e); // after queueing the reaction, so a test that saw the event can drain() the reaction
    }

    private void syncQuietly() {
        try {
            sync();
        } catch (RuntimeException e) {
            // recorded in syncFailures; the app retries with backoff
        }
    }

    /** The next event (comments included, named ":comment"), or empty after the timeout. */
    public Optional<SseEvent> nextEvent(Duration timeout) {
        try {
            return Optional.ofNullable(events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Waits for an event with this name, skipping others; fails after the timeout. */
    public SseEvent awaitEvent(String name, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Optional<SseEvent> e = nextEvent(Duration.ofNanos(end - System.nanoTime()));
            if (e.isPresent() && name.equals(e.get().name())) {
                return e.get();
            }
        }
        throw new AssertionError("no " + name + " event within " + timeout);
    }

    /** The status of the next stream (re)connection attempt (200 when open). */
    public int awaitStreamAttempt(Duration timeout) {
        EventStreamClient s = stream;
        if (s == null) {
            throw new AssertionError("the event stream was never opened");
        }
        return s.awaitAttempt(timeout);
    }

    public void closeEvents() {
        EventStreamClient s = stream;
        if (s != null) {
            s.stop();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeEvents();
        sender.shutdownNow();
    }

    /** Runs work on the phone's sending thread; a failure is recorded like the app logs it. */
    private void later(Runnable work) {
        try {
            sender.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    if (!closed) {
                        syncFailures.add(String.valueOf(e.getMessage()));
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    // ---------------------------------------------------------------- plumbing

    /** Any call with the app's headers (path relative to the base URL); for edge-case tests. */
    public HttpResponse<String> send(String method, String path, String authorization, String body) {
        return execute(app.smsdesk.gateway.testing.JsonRequest.builder(method, config.baseUrl() + path,
                authorization, body).header("User-Agent", userAgent).build());
    }

    private HttpResponse<String> execute(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bearer() {
        return registration == null ? null : "Bearer " + registration.token();
    }

    private static String authorization(Mode mode) {
        if (mode instanceof SignUp s) {
            return s.privateToken() == null || s.privateToken().isEmpty() ? null : "Bearer " + s.privateToken();
        } else if (mode instanceof SignIn s) {
            return "Basic " + Base64.getEncoder().encodeToString((s.login() + ":" + s.password())
                    .getBytes(StandardCharsets.UTF_8));
        } else if (mode instanceof ByCode c) {
            return "Code " + c.code();
        }
        throw new IllegalArgumentException(String.valueOf(mode));
    }

    private static void requireJson(HttpResponse<String> r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            throw new IllegalStateException(what + ": Content-Type is '" + type + "', the app cannot decode it");
        }
    }

    private boolean knowsEvent(String event) {
        String since = event == null ? null : EVENT_SINCE.get(event);
        return since != null && compareVersions(config.appVersion(), since) >= 0;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0,
                    i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private Instant now() {
        return config.clock().instant();
    }

    /** A date as the app writes it: three fractional digits in the phone's own zone. */
    public String format(Instant t) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(config.zone()).format(t);
    }

    private static byte[] hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomKey() {
        return Long.toString(Double.doubleToLongBits(Math.random()), 36).substring(0, 8);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}

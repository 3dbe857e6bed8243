package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.Ids;
import app.smsdesk.gateway.domain.IncomingMessage;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.UnauthorizedException;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.service.DeviceService;
import app.smsdesk.gateway.service.EventLogService;
import app.smsdesk.gateway.service.InboxService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SMSDesk's own webhook receiver: phones POST inbound SMS and delivery events here (the server never hears of
 * an inbound SMS otherwise). Each request must carry {@code X-Timestamp} (Unix seconds, fresh) and
 * {@code X-Signature} = hex HMAC-SHA256(signing key, raw body + timestamp), compared in constant time. The key is
 * that of the phone the envelope's {@code deviceId} names, and each phone has its own, so a phone can only report
 * for itself; state reports then touch only that phone's messages, as {@code PATCH /message} does (audit F6).
 * Phones retry until they get a 2xx, so repeats are recognised and acknowledged without storing twice; a phone
 * signs each attempt anew, so the very same signature arriving twice is a replay and is refused. Every refusal is
 * logged with its reason (the answer is a plain 401).
 */
public final class InboundWebhooks {
    /** How far a signature's timestamp may be from the gateway's clock. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DeviceService devices;
    private final PhoneConfig config;
    private final InboxService inbox;
    private final MessageSync sync;
    private final EventLogService log;
    private final Clock clock;
    private final ReplayGuard replays;

    /** What became of a delivery. */
    public enum Outcome {
        /** Stored as new (inbox entry or message history). */
        STORED,
        /** A repeat of something already stored. */
        DUPLICATE,
        /** Valid, but an event SMSDesk does not keep. */
        IGNORED
    }

    InboundWebhooks(DeviceService devices, PhoneConfig config, InboxService inbox, MessageSync sync,
                    EventLogService log, Clock clock) {
        this.devices = devices;
        this.config = config;
        this.inbox = inbox;
        this.sync = sync;
        this.log = log;
        this.clock = clock;
        this.replays = new ReplayGuard(clock, MAX_SKEW);
    }

    public Outcome receive(byte[] body, String signature, String timestamp, String remoteAddress) {
        JsonNode envelope = parse(body);
        String deviceId = envelope.path("deviceId").asText("");
        String event = envelope.path("event").asText("");
        Device device = devices.findById(deviceId).orElse(null);
        if (device == null) {
            throw reject(null, "webhook from an unknown phone", deviceId, event, remoteAddress);
        }
        List<String> keys = config.verificationKeys(device);
        String problem = keys.isEmpty() ? "no signing key issued to this phone" : null;
        for (String key : keys) {
            problem = verify(key, body, signature, timestamp);
            if (problem == null) {
                break;
            }
        }
        if (problem == null && !replays.firstTime(signature.strip().toLowerCase(Locale.ROOT),
                Long.parseLong(timestamp.strip()))) {
            problem = "replayed (signature seen before)";
        }
        if (problem != null) {
            throw reject(device.userId(), "webhook rejected: " + problem, deviceId, event, remoteAddress);
        }
        JsonNode payload = envelope.path("payload");
        return switch (event) {
            case "sms:received" -> store(device, "SMS", event, envelope, payload, payload.path("message"));
            case "sms:data-received" -> store(device, "DATA_SMS", event, envelope, payload, payload.path("data"));
            case "mms:received" -> store(device, "MMS", event, envelope, payload, payload.path("subject"));
            case "sms:sent" -> state(device, payload, ProcessingState.Sent, "sentAt");
            case "sms:delivered" -> state(device, payload, ProcessingState.Delivered, "deliveredAt");
            case "sms:failed" -> state(device, payload, ProcessingState.Failed, "failedAt");
            default -> Outcome.IGNORED;
        };
    }

    /** Why the signature does not hold, or null when it does. */
    private String verify(String key, byte[] body, String signature, String timestamp) {
        if (signature == null || timestamp == null) {
            return "no X-Signature or X-Timestamp";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "X-Timestamp is not a number";
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > MAX_SKEW.toSeconds()) {
            return "stale X-Timestamp (" + skew + " s off)";
        }
        byte[] expected = HexFormat.of().formatHex(hmac(key, body, timestamp.strip()))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? null : "bad signature";
    }

    /** HMAC-SHA256 over the body followed by the timestamp, as the app's PayloadSigningPlugin computes it. */
    static byte[] hmac(String key, byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(body);
            return mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private Outcome store(Device device, String type, String event, JsonNode envelope, JsonNode payload,
                          JsonNode content) {
        String sender = text(payload, "sender");
        if (sender == null) {
            sender = text(payload, "phoneNumber");
        }
        Instant receivedAt = PhoneTime.parse(text(payload, "receivedAt"), clock.instant());
        Integer sim = payload.path("simNumber").canConvertToInt() && payload.path("simNumber").isIntegralNumber()
                ? payload.path("simNumber").intValue() : null;
        String body = content.isTextual() ? content.textValue() : "";
        IncomingMessage message = new IncomingMessage(Ids.newId(), type, device.id(), sender == null ? "" : sender,
                text(payload, "recipient"), sim, body, receivedAt);
        // The app's messageId of an inbound SMS is a hash of (sender, date, SIM, text): equal for a retried
        // delivery and for the same SMS re-sent by an inbox refresh, which is exactly what must not be stored twice.
        String messageId = text(payload, "messageId");
        String dedup = device.id() + ":" + event + ":" + (messageId != null ? messageId
                : envelope.path("id").asText(message.id()));
        return inbox.record(device.userId(), device, message, dedup) ? Outcome.STORED : Outcome.DUPLICATE;
    }

    private Outcome state(Device device, JsonNode payload, ProcessingState state, String timeField) {
        String messageId = text(payload, "messageId");
        String phone = text(payload, "phoneNumber");
        if (phone == null) {
            phone = text(payload, "recipient");
        }
        if (messageId == null || phone == null) {
            return Outcome.IGNORED;
        }
        Instant at = PhoneTime.parse(text(payload, timeField), clock.instant());
        String error = state == ProcessingState.Failed ? text(payload, "reason") : null;
        sync.report(device, List.of(new StateReport(messageId, null,
                List.of(new StateReport.Recipient(phone, state, error)), Map.of(state, at))));
        return Outcome.STORED;
    }

    private UnauthorizedException reject(String userId, String what, String deviceId, String event, String ip) {
        log.warnAbout(ip == null ? "" : ip, userId, "webhooks", what, Map.of("deviceId", deviceId, "event", event,
                "ip", ip == null ? "" : ip));
        return new UnauthorizedException(what);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || !n.isObject()) {
                throw new ValidationException("webhook body: a JSON object is required");
            }
            return n;
        } catch (IOException e) {
            throw new ValidationException("webhook body: malformed JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.textValue().isEmpty() ? v.textValue() : null;
    }
}

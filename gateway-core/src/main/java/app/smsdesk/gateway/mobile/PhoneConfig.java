package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.auth.Secrets;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.Ids;
import app.smsdesk.gateway.domain.Webhook;
import app.smsdesk.gateway.service.SettingsService;
import app.smsdesk.gateway.store.UserStore;
import app.smsdesk.gateway.store.WebhookStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a phone pulls besides messages: its webhook list and its settings. Every account gets SMSDesk's own
 * internal webhooks (so inbound SMS and delivery events reach the gateway) and a signing key for them.
 */
public final class PhoneConfig {
    /** The events SMSDesk receives from the phones itself. */
    public static final List<String> INTERNAL_EVENTS = List.of("sms:received", "sms:data-received",
            "mms:received", "sms:sent", "sms:delivered", "sms:failed");
    /** Stored as the URL of internal webhooks; replaced per request by the address the phone reached us on. */
    static final String INTERNAL_URL = "smsdesk:inbound";
    /** The path of the inbound webhook receiver, relative to the mobile API base. */
    public static final String INBOUND_PATH = "/webhooks/incoming";
    /** Poll interval pushed to phones that registered with a push token (SMSDesk cannot push to them). */
    static final int PUSH_TOKEN_PING_SECONDS = 60;

    private final WebhookStore webhooks;
    private final SettingsService settings;
    private final UserStore users;
    private final Clock clock;
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    PhoneConfig(WebhookStore webhooks, SettingsService settings, UserStore users, Clock clock) {
        this.webhooks = webhooks;
        this.settings = settings;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The webhooks for {@code device}: the account-wide ones and its own, SMSDesk's internal ones pointing at
     * {@code inboundUrl}, without events the phone's app version does not know (one unknown event would make the
     * phone reject the whole list, forever).
     */
    public List<Webhook> webhooksFor(Device device, AppVersion app, String inboundUrl) {
        webhooks.ensureInternal(device.userId(), INTERNAL_EVENTS, INTERNAL_URL, clock.instant(), Ids::newId);
        return webhooks.listForDevice(device.userId(), device.rowId()).stream()
                .filter(w -> app.knowsWebhookEvent(w.event()))
                .map(w -> w.internal() ? new Webhook(w.id(), w.deviceId(), inboundUrl, w.event(), true) : w)
                .toList();
    }

    /**
     * The account's settings document for {@code device}: never the phone's server URL or private token (the
     * app would re-point itself), always the webhook signing key, and a poll interval for phones that registered
     * with a push token.
     */
    public ObjectNode settingsFor(Device device) {
        ObjectNode doc = settings.storedDocument(device.userId()).deepCopy();
        JsonNode gateway = doc.get("gateway");
        if (gateway instanceof ObjectNode g) {
            g.remove("cloud_url");
            g.remove("private_token");
            if (g.isEmpty()) {
                doc.remove("gateway");
            }
        } else if (gateway != null) {
            doc.remove("gateway");
        }
        section(doc, "webhooks").put("signing_key", signingKey(device.userId()));
        if (device.pushToken() != null) {
            ObjectNode ping = section(doc, "ping");
            JsonNode interval = ping.get("interval_seconds");
            if (interval == null || !interval.isIntegralNumber() || interval.intValue() < 1) {
                ping.put("interval_seconds", PUSH_TOKEN_PING_SECONDS);
            }
        }
        return doc;
    }

    /** The key the account's phones sign webhooks with (created on first use). */
    public String signingKey(String userId) {
        return keys.computeIfAbsent(userId, u -> users.webhookSigningKey(u)
                .orElseGet(() -> users.ensureWebhookSigningKey(u, Secrets.randomBase64Url(18))));
    }

    /** The key if the account exists, for verifying a webhook. */
    Optional<String> existingSigningKey(String userId) {
        String cached = keys.get(userId);
        return cached != null ? Optional.of(cached) : users.webhookSigningKey(userId);
    }

    private static ObjectNode section(ObjectNode doc, String name) {
        JsonNode s = doc.get(name);
        if (s instanceof ObjectNode o) {
            return o;
        }
        return doc.putObject(name);
    }
}

package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.auth.Secrets;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.Ids;
import app.smsdesk.gateway.domain.Webhook;
import app.smsdesk.gateway.service.SettingsService;
import app.smsdesk.gateway.store.DeviceStore;
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
 * internal webhooks (so inbound SMS and delivery events reach the gateway) and a signing key for them: one per
 * phone, so that the receiver can tell which phone signed (audit F6; the account-wide key let any phone of the
 * account report events in another's name).
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
    private final DeviceStore devices;
    private final Clock clock;
    /** Phone id to its signing key (keys never change once made). */
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    PhoneConfig(WebhookStore webhooks, SettingsService settings, UserStore users, DeviceStore devices, Clock clock) {
        this.webhooks = webhooks;
        this.settings = settings;
        this.users = users;
        this.devices = devices;
        this.clock = clock;
    }

    /**
     * The webhooks for {@code device}: the account-wide ones and its own, SMSDesk's internal ones pointing at
     * {@code inboundUrl}, without events the phone's app version does not know (one unknown event would make the
     * phone reject the whole list, forever).
     */
    public List<Webhook> webhooksFor(Device device, AppVersion app, String inboundUrl) {
        if (!device.approved()) {
            return List.of(); // the integrators' URLs (and any secrets in them) wait for the admin (F2)
        }
        webhooks.ensureInternal(device.userId(), INTERNAL_EVENTS, INTERNAL_URL, clock.instant(), Ids::newId);
        return webhooks.listForDevice(device.userId(), device.rowId()).stream()
                .filter(w -> app.knowsWebhookEvent(w.event()))
                .map(w -> w.internal() ? new Webhook(w.id(), w.deviceId(), inboundUrl, w.event(), true) : w)
                .toList();
    }

    /**
     * The account's settings document for {@code device}: never the phone's server URL or private token (the
     * app would re-point itself), always the phone's own webhook signing key, and a poll interval for phones that registered
     * with a push token.
     */
    public ObjectNode settingsFor(Device device) {
        if (!device.approved()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(); // "nothing to change"
        }
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
        section(doc, "webhooks").put("signing_key", signingKey(device));
        if (device.pushToken() != null) {
            ObjectNode ping = section(doc, "ping");
            JsonNode interval = ping.get("interval_seconds");
            if (interval == null || !interval.isIntegralNumber() || interval.intValue() < 1) {
                ping.put("interval_seconds", PUSH_TOKEN_PING_SECONDS);
            }
        }
        return doc;
    }

    /** The key {@code device} signs its webhooks with (made on first use, when the phone fetches its settings). */
    public String signingKey(Device device) {
        return keys.computeIfAbsent(device.id(), id -> devices.webhookSigningKey(id)
                .orElseGet(() -> devices.ensureWebhookSigningKey(id, Secrets.randomBase64Url(18))));
    }

    /**
     * The keys that may sign a webhook from {@code device}: its own once it has one. A phone paired before phones
     * had keys of their own, which has not fetched its key yet, still signs with the account's key; that is
     * accepted from it until it fetches (at its next start, a {@code SettingsUpdated} or within 24 hours).
     */
    List<String> verificationKeys(Device device) {
        if (!device.approved()) {
            return List.of();
        }
        String own = keys.get(device.id());
        if (own == null) {
            own = devices.webhookSigningKey(device.id()).orElse(null);
            if (own != null) {
                keys.put(device.id(), own);
            }
        }
        if (own != null) {
            return List.of(own);
        }
        return devices.accountKeyAllowed(device.id())
                ? users.webhookSigningKey(device.userId()).map(List::of).orElse(List.of()) : List.of();
    }

    private static ObjectNode section(ObjectNode doc, String name) {
        JsonNode s = doc.get(name);
        if (s instanceof ObjectNode o) {
            return o;
        }
        return doc.putObject(name);
    }
}

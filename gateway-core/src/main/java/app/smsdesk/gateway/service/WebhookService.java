package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.DeviceEvent;
import app.smsdesk.gateway.domain.Ids;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.domain.Webhook;
import app.smsdesk.gateway.store.DeviceStore;
import app.smsdesk.gateway.store.WebhookStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The webhook registry the phones deliver from. The gateway itself never calls these URLs. */
public final class WebhookService {
    private static final int MAX_ID = 36;

    private final WebhookStore store;
    private final DeviceStore devices;
    private final DeviceEvents events;
    private final EventLogService log;
    private final Clock clock;

    public WebhookService(WebhookStore store, DeviceStore devices, DeviceEvents events, EventLogService log,
                          Clock clock) {
        this.store = store;
        this.devices = devices;
        this.events = events;
        this.log = log;
        this.clock = clock;
    }

    /** The caller's webhooks, without SMSDesk's internal ones. */
    public List<Webhook> list(Principal caller) {
        return store.listByUser(caller.userId(), false);
    }

    /** Creates or replaces a webhook; tells the affected phones to reload. */
    public Webhook upsert(Principal caller, String id, String deviceId, String url, String event) {
        String webhookId = id == null || id.isEmpty() ? Ids.newId() : id;
        if (webhookId.length() > MAX_ID) {
            throw new ValidationException("id: at most " + MAX_ID + " characters");
        }
        validateUrl(url);
        if (event == null || !Webhook.EVENTS.contains(event)) {
            throw new ValidationException("event: must be one of " + String.join(", ", Webhook.EVENTS));
        }
        Long deviceRow = null;
        if (deviceId != null) {
            Device d = devices.find(caller.userId(), deviceId).orElseThrow(() -> new ValidationException(
                    "deviceId: invalid \"device_id\" = \"" + deviceId + "\": record not found"));
            deviceRow = d.rowId();
        }
        Webhook webhook = new Webhook(webhookId, deviceId, url, event, false);
        store.upsert(caller.userId(), webhook, deviceRow, clock.instant());
        log.audit(caller, "webhooks", "webhook saved", Map.of("webhookId", webhookId, "event", event,
                "url", url, "by", caller.actor()));
        events.publish(caller.userId(), deviceId, DeviceEvent.of(DeviceEvent.WEBHOOKS_UPDATED));
        return webhook;
    }

    /** Deletes a webhook; unknown ids are not an error. */
    public void delete(Principal caller, String id) {
        if (store.delete(caller.userId(), id)) {
            log.audit(caller, "webhooks", "webhook deleted", Map.of("webhookId", id, "by", caller.actor()));
        }
        events.publish(caller.userId(), null, DeviceEvent.of(DeviceEvent.WEBHOOKS_UPDATED));
    }

    static void validateUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new ValidationException("url: is required");
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith("https://")) {
            throw new ValidationException("url: must start with https://");
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new ValidationException("url: must include a host name");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException("url: is not a valid URL");
        }
        if (url.length() > 2048) {
            throw new ValidationException("url: at most 2048 characters");
        }
    }
}

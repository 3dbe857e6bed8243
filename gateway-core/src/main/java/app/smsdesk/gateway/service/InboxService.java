package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.DeviceEvent;
import app.smsdesk.gateway.domain.InboxQuery;
import app.smsdesk.gateway.domain.IncomingMessage;
import app.smsdesk.gateway.domain.Page;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.store.InboxStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Incoming messages: stored as the phones report them, listed for the API and the console. */
public final class InboxService {
    public static final int MAX_LIMIT = 500;
    public static final List<String> DELIVERY_MODES = List.of("Disabled", "Individual", "Batch");
    /** Phones read dates with three fractional digits; Instant.toString() may print six or nine. */
    private static final DateTimeFormatter PHONE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private final InboxStore store;
    private final DeviceEvents events;
    private final EventLogService log;
    private final Clock clock;

    /** Parameters of an inbox refresh (export) request. */
    public record RefreshRequest(Instant since, Instant until, String deviceId, List<String> messageTypes,
                                 String webhookDelivery, Boolean triggerWebhooks) {
    }

    public InboxService(InboxStore store, DeviceEvents events, EventLogService log, Clock clock) {
        this.store = store;
        this.events = events;
        this.log = log;
        this.clock = clock;
    }

    public Page<IncomingMessage> list(Principal caller, InboxQuery q) {
        if (q.limit() < 1 || q.limit() > MAX_LIMIT) {
            throw new ValidationException("limit: must be between 1 and " + MAX_LIMIT);
        }
        if (q.offset() < 0) {
            throw new ValidationException("offset: must be 0 or more");
        }
        if (q.type() != null && !IncomingMessage.TYPES.contains(q.type())) {
            throw new ValidationException("type: must be one of " + String.join(", ", IncomingMessage.TYPES));
        }
        return store.list(caller.userId(), q);
    }

    /** Stores a message a phone reported; false when it was a repeat of one already stored. */
    public boolean record(String userId, Device device, IncomingMessage message, String dedupKey) {
        boolean added = store.insert(userId, device == null ? null : device.rowId(), message, dedupKey,
                clock.instant());
        if (added) {
            log.info(userId, "inbox", "incoming " + message.type() + " stored", Map.of("messageId", message.id(),
                    "deviceId", device == null ? "" : device.id()));
        }
        return added;
    }

    /** Asks the phone(s) to re-scan their message store for a time window (MessagesExportRequested). */
    public void refresh(Principal caller, RefreshRequest r) {
        if (r.since() == null) {
            throw new ValidationException("since: is required");
        }
        if (r.until() == null) {
            throw new ValidationException("until: is required");
        }
        if (r.since().isAfter(r.until())) {
            throw new ValidationException("since: must not be after until");
        }
        if (r.deviceId() != null && r.deviceId().length() > 21) {
            throw new ValidationException("deviceId: at most 21 characters");
        }
        if (r.messageTypes() != null) {
            if (r.messageTypes().isEmpty()) {
                throw new ValidationException("messageTypes: give at least one type or leave it out");
            }
            for (String t : r.messageTypes()) {
                if (t == null || !IncomingMessage.TYPES.contains(t)) { // List.of(...).contains(null) throws
                    throw new ValidationException("messageTypes: must be among " + String.join(", ",
                            IncomingMessage.TYPES));
                }
            }
        }
        String delivery = delivery(r);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("since", PHONE_TIME.format(r.since()));
        data.put("until", PHONE_TIME.format(r.until()));
        if (r.messageTypes() != null) {
            data.put("messageTypes", String.join(",", r.messageTypes()));
        }
        data.put("webhookDelivery", delivery);
        data.put("triggerWebhooks", String.valueOf(!"Disabled".equals(delivery)));
        log.info(caller.userId(), "inbox", "inbox refresh requested", Map.of("by", caller.actor(),
                "deviceId", r.deviceId() == null ? "all" : r.deviceId()));
        events.publish(caller.userId(), r.deviceId(), new DeviceEvent(DeviceEvent.MESSAGES_EXPORT_REQUESTED, data));
    }

    private static String delivery(RefreshRequest r) {
        if (r.webhookDelivery() != null) {
            if (!DELIVERY_MODES.contains(r.webhookDelivery())) {
                throw new ValidationException("webhookDelivery: must be one of " + String.join(", ", DELIVERY_MODES));
            }
            return r.webhookDelivery();
        }
        if (r.triggerWebhooks() != null) {
            return r.triggerWebhooks() ? "Individual" : "Disabled";
        }
        return "Disabled";
    }
}

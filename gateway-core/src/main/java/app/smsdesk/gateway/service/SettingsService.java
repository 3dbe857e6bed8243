package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.DeviceEvent;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.store.UserSettingsStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;

/**
 * The per-account settings document that every phone of the account pulls. Changes are validated, filtered
 * through the schema's allow-list, stored, and announced to the phones with {@code SettingsUpdated}.
 */
public final class SettingsService {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final UserSettingsStore store;
    private final DeviceEvents events;
    private final EventLogService log;
    private final Clock clock;

    public SettingsService(UserSettingsStore store, DeviceEvents events, EventLogService log, Clock clock) {
        this.store = store;
        this.events = events;
        this.log = log;
        this.clock = clock;
    }

    /** The stored document with secret fields removed ({@code {}} if never saved). */
    public ObjectNode get(Principal caller) {
        return SettingsSchema.publicView(stored(caller.userId()));
    }

    /** The full stored document, secrets included (what phones receive). */
    public ObjectNode storedDocument(String userId) {
        return stored(userId);
    }

    public ObjectNode patch(Principal caller, JsonNode body) {
        ObjectNode merged = SettingsSchema.merge(stored(caller.userId()), SettingsSchema.validateAndFilter(body));
        return save(caller, merged, "patched");
    }

    public ObjectNode replace(Principal caller, JsonNode body) {
        return save(caller, SettingsSchema.validateAndFilter(body), "replaced");
    }

    private ObjectNode save(Principal caller, ObjectNode document, String how) {
        store.save(caller.userId(), document.toString(), clock.instant());
        log.audit(caller, "settings", "settings " + how, Map.of("by", caller.actor(),
                "sections", String.join(",", (Iterable<String>) document::fieldNames)));
        events.publish(caller.userId(), null, DeviceEvent.of(DeviceEvent.SETTINGS_UPDATED));
        return SettingsSchema.publicView(document);
    }

    private ObjectNode stored(String userId) {
        return store.find(userId).map(SettingsService::parse).orElseGet(MAPPER::createObjectNode);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("stored settings are corrupt", e);
        }
    }
}

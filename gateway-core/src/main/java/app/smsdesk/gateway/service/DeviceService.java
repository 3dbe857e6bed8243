package app.smsdesk.gateway.service;

import app.smsdesk.gateway.auth.Secrets;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.Ids;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.SimCard;
import app.smsdesk.gateway.store.DeviceStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's phones: list, remove, and registration (used by the mobile API and tests). */
public final class DeviceService {
    private final DeviceStore store;
    private final DeviceEvents events;
    private final EventLogService log;
    private final Clock clock;

    /** A newly registered phone and its bearer token (shown once, stored only as a hash). */
    public record Registration(Device device, String token) {
    }

    public DeviceService(DeviceStore store, EventLogService log, Clock clock) {
        this(store, null, log, clock);
    }

    /** With {@code events}, a removed phone's open event streams are closed at once. */
    public DeviceService(DeviceStore store, DeviceEvents events, EventLogService log, Clock clock) {
        this.store = store;
        this.events = events;
        this.log = log;
        this.clock = clock;
    }

    public List<Device> list(Principal caller) {
        return store.listByUser(caller.userId());
    }

    public Optional<Device> find(Principal caller, String deviceId) {
        return store.find(caller.userId(), deviceId);
    }

    /** Removes the caller's phone with its messages; unknown ids are not an error. */
    public void delete(Principal caller, String deviceId) {
        if (store.delete(caller.userId(), deviceId)) {
            log.info(caller.userId(), "devices", "device removed", Map.of("deviceId", deviceId,
                    "by", caller.actor()));
            if (events != null) {
                events.deviceRemoved(deviceId);
            }
        }
    }

    public Registration register(String userId, String name, String pushToken, List<SimCard> simCards,
                                 String appVersion) {
        String token = Ids.newId();
        Device device = store.insert(Ids.newId(), userId, name, tokenHash(token), emptyToNull(pushToken),
                simCards, appVersion, clock.instant());
        log.info(userId, "devices", "device registered", Map.of("deviceId", device.id(),
                "name", device.name()));
        return new Registration(device, token);
    }

    /**
     * A phone's own update at start-up: push token (null or empty keeps it), SIM cards (null keeps them, empty
     * clears them) and app version (null keeps it).
     */
    public void update(Device device, String pushToken, List<SimCard> simCards, String appVersion) {
        store.update(device.rowId(), emptyToNull(pushToken), simCards, appVersion, clock.instant());
    }

    /** A phone by its public id, whatever its account. */
    public Optional<Device> findById(String deviceId) {
        return store.findById(deviceId);
    }

    /** The phone holding this bearer token, if any. */
    public Optional<Device> findByToken(String token) {
        return store.findByTokenHash(tokenHash(token));
    }

    static String tokenHash(String token) {
        return Secrets.sha256Hex(token);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

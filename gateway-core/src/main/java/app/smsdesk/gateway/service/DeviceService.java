package app.smsdesk.gateway.service;

import app.smsdesk.gateway.auth.Secrets;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.DeviceEvent;
import app.smsdesk.gateway.domain.ForbiddenException;
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
    /** Phones an account may have. */
    public static final int MAX_PHONES = 100;
    /** Phones of an account that may wait for approval at a time. */
    public static final int MAX_WAITING = 10;

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
            log.audit(caller, "devices", "device removed", Map.of("deviceId", deviceId,
                    "by", caller.actor()));
            if (events != null) {
                events.deviceRemoved(deviceId);
            }
        }
    }

    public Registration register(String userId, String name, String pushToken, List<SimCard> simCards,
                                 String appVersion) {
        return register(userId, name, pushToken, simCards, appVersion, true);
    }

    /**
     * Registers a phone; one that is not {@code approved} waits for {@link #approve} (audit F2). At most
     * {@link #MAX_WAITING} phones of an account wait at a time, and an account has at most {@link #MAX_PHONES}.
     */
    public Registration register(String userId, String name, String pushToken, List<SimCard> simCards,
                                 String appVersion, boolean approved) {
        List<Device> existing = store.listByUser(userId);
        if (existing.size() >= MAX_PHONES) {
            throw new ForbiddenException("this account has " + MAX_PHONES + " phones, the most it may have; "
                    + "remove one in the console first");
        }
        if (!approved && existing.stream().filter(d -> !d.approved()).count() >= MAX_WAITING) {
            throw new ForbiddenException(MAX_WAITING + " phones are already waiting for approval; approve or "
                    + "remove them in the console first");
        }
        String token = Ids.newId();
        Device device = store.insert(Ids.newId(), userId, name, tokenHash(token), emptyToNull(pushToken),
                simCards, appVersion, clock.instant(), approved);
        if (approved) {
            log.info(userId, "devices", "device registered", Map.of("deviceId", device.id(),
                    "name", device.name()));
        } else {
            log.warn(userId, "devices", "phone registered with the private token: waiting for approval in the "
                    + "console (Phones)", Map.of("deviceId", device.id(), "name", device.name()));
        }
        return new Registration(device, token);
    }

    /**
     * Approves a waiting phone and tells it to fetch its settings, webhooks and messages at once. Unknown or
     * already approved phones are not an error; returns whether the phone was waiting.
     */
    public boolean approve(Principal caller, String deviceId) {
        if (!store.approve(caller.userId(), deviceId)) {
            return false;
        }
        log.audit(caller, "devices", "phone approved", Map.of("deviceId", deviceId, "by", caller.actor()));
        store.find(caller.userId(), deviceId).ifPresent(d -> {
            if (events != null) {
                events.publish(d, DeviceEvent.of(DeviceEvent.SETTINGS_UPDATED));
                events.publish(d, DeviceEvent.of(DeviceEvent.WEBHOOKS_UPDATED));
                events.publish(d, DeviceEvent.of(DeviceEvent.MESSAGE_ENQUEUED));
            }
        });
        return true;
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

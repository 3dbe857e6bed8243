package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.DeviceEvent;
import app.smsdesk.gateway.store.DeviceStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes phone notifications to whoever delivers them (the SSE hub of the mobile API). Like the reference
 * server, an event for a phone with no open channel is dropped: the phone pulls its work when it reconnects.
 */
public final class DeviceEvents {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceEvents.class);

    /** Receives events for one device. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(Device device, DeviceEvent event);

        /** The phone was removed: close whatever channel it holds. */
        default void onDeviceRemoved(String deviceId) {
        }
    }

    private final DeviceStore devices;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public DeviceEvents(DeviceStore devices) {
        this.devices = devices;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Sends {@code event} to one of the account's devices, or to all of them when {@code deviceId} is null. */
    public void publish(String userId, String deviceId, DeviceEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        List<Device> targets = deviceId == null ? devices.listByUser(userId)
                : devices.find(userId, deviceId).map(List::of).orElse(List.of());
        targets.forEach(d -> deliver(d, event));
    }

    /** Sends {@code event} to a phone the caller already looked up (no database read on the send path). */
    public void publish(Device device, DeviceEvent event) {
        deliver(device, event);
    }

    private void deliver(Device d, DeviceEvent event) {
        for (Listener l : listeners) {
            try {
                l.onEvent(d, event);
            } catch (RuntimeException e) {
                LOG.warn("delivering {} to device {} failed", event.type(), d.id(), e);
            }
        }
    }

    /** Tells the listeners that a phone was removed. */
    public void deviceRemoved(String deviceId) {
        for (Listener l : listeners) {
            try {
                l.onDeviceRemoved(deviceId);
            } catch (RuntimeException e) {
                LOG.warn("closing the channels of removed device {} failed", deviceId, e);
            }
        }
    }
}

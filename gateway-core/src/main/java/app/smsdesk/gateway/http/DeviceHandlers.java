package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.SimCard;
import app.smsdesk.gateway.service.DeviceService;
import java.time.Instant;
import java.util.List;

/** {@code /devices} (and the legacy {@code /device}): list and remove phones. */
public final class DeviceHandlers {
    private final DeviceService devices;

    public DeviceHandlers(DeviceService devices) {
        this.devices = devices;
    }

    /** SMSGate's Device DTO. */
    record DeviceView(String id, String name, Instant createdAt, Instant updatedAt, Instant lastSeen,
                      List<SimCard> simCards) {
        static DeviceView of(Device d) {
            return new DeviceView(d.id(), d.name(), d.createdAt(), d.updatedAt(), d.lastSeen(),
                    d.simCards().isEmpty() ? null : d.simCards());
        }
    }

    void list(ApiExchange ex) {
        ex.json(200, devices.list(ex.principal()).stream().map(DeviceView::of).toList());
    }

    void delete(ApiExchange ex) {
        devices.delete(ex.principal(), ex.pathParam("id"));
        ex.empty(204);
    }
}

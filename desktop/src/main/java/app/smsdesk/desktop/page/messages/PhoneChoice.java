package app.smsdesk.desktop.page.messages;

import app.smsdesk.gateway.domain.Device;
import java.util.List;

/**
 * A phone in a picker; {@link #ANY} stands for "any phone".
 *
 * @param device the phone, or null for any
 */
public record PhoneChoice(Device device) {
    public static final PhoneChoice ANY = new PhoneChoice(null);

    public String deviceId() {
        return device == null ? null : device.id();
    }

    public static List<PhoneChoice> of(List<Device> devices) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(ANY),
                devices.stream().map(PhoneChoice::new)).toList();
    }

    @Override
    public String toString() {
        if (device == null) {
            return "Any phone";
        }
        return (device.name().isEmpty() ? "Phone" : device.name()) + " (" + device.id().substring(0, 6) + "\u2026)";
    }
}

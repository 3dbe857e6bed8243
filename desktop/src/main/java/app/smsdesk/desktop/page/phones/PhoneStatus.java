package app.smsdesk.desktop.page.phones;

import app.smsdesk.gateway.domain.Device;
import java.time.Duration;
import java.time.Instant;

/** When the console calls a phone online: it made a request in the last 15 minutes (the phones' poll period). */
public final class PhoneStatus {
    public static final Duration ONLINE_WINDOW = Duration.ofMinutes(15);

    private PhoneStatus() {
    }

    public static boolean isOnline(Device d, Instant now) {
        return d.lastSeen() != null && !d.lastSeen().isBefore(now.minus(ONLINE_WINDOW));
    }
}

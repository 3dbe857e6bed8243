package app.smsdesk.gateway.service;

import app.smsdesk.gateway.auth.Secrets;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.store.DataDir;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The private token phones register with ({@code Authorization: Bearer <token>}), kept in an owner-only file of
 * the data directory. It can be rotated (audit F2: one long-lived secret typed into every phone, with no way to
 * change it): phones already registered keep working, as they use their own device tokens; only registering
 * another phone needs the new one.
 */
public final class PrivateTokenService {
    /** The file in the data directory. */
    public static final String FILE = "private-token";
    /** Random bytes in a generated token (32 base64url characters). */
    static final int TOKEN_BYTES = 24;

    private final DataDir dir;
    private final EventLogService log;
    private final AtomicReference<String> current;

    public PrivateTokenService(DataDir dir, String current, EventLogService log) {
        this.dir = dir;
        this.log = log;
        this.current = new AtomicReference<>(current);
    }

    public String current() {
        return current.get();
    }

    /** Replaces the token with a new random one (written before it takes effect) and returns it. */
    public String rotate(Principal caller) {
        String token = rotateIn(dir);
        current.set(token);
        log.audit(caller, "devices", "private token rotated: registering a phone needs the new one",
                Map.of("by", caller.actor()));
        return token;
    }

    /** Writes a new random token into a data directory (the command line, with no gateway running on it). */
    public static String rotateIn(DataDir dir) {
        String token = Secrets.randomBase64Url(TOKEN_BYTES);
        dir.writeSecret(FILE, token);
        return token;
    }
}

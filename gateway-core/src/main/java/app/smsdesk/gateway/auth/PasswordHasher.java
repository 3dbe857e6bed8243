package app.smsdesk.gateway.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashing (cost 10; about 70 ms a verify, so it never runs on a cache hit). */
public final class PasswordHasher {
    private final int cost;

    public PasswordHasher() {
        this(10);
    }

    public PasswordHasher(int cost) {
        this.cost = cost;
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        // bcrypt only reads the first 72 bytes; longer inputs are rejected rather than silently truncated.
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }
}

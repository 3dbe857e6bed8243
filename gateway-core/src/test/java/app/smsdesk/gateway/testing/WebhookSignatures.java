package app.smsdesk.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The phone app's webhook signature, computed independently of the gateway's code: lower-case hex of
 * HMAC-SHA256(key, body + timestamp).
 */
public final class WebhookSignatures {
    private WebhookSignatures() {
    }

    /** The signature of {@code message} (the body followed by the timestamp) with {@code key}. */
    public static String sign(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}

package app.smsdesk.gateway.security;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.TestGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * F11: one token, one encoding. The audit proposed re-encoding the decoded signature and comparing; the codec
 * goes further and compares the canonical encoding of the expected HMAC with the token's signature segment as
 * text (constant time), and accepts only the exact header segment the gateway writes, so no variant of a token's
 * spelling is ever parsed, let alone accepted or remembered as a different token.
 */
class F11JwtEncodingTest {
    private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();
    static String genuine;

    @BeforeAll
    static void mint() {
        genuine = gw.post("/auth/token", adminBasic(), json(Map.of("scopes", List.of("messages:list"), "ttl", 3600)))
                .json().path("access_token").asText();
    }

    private static int status(String token) {
        return gw.get("/messages", bearer(token)).status();
    }

    /** The audit's five variants: padding, the standard alphabet, and the 3 other values of the last character. */
    static List<String> variants(String jwt) {
        List<String> out = new ArrayList<>();
        out.add(jwt + "=");
        int dot = jwt.lastIndexOf('.');
        String sig = jwt.substring(dot + 1);
        String standard = sig.replace('-', '+').replace('_', '/');
        // Standard alphabet only differs when the signature has '-' or '_'; else swap in one that decodes alike.
        out.add(jwt.substring(0, dot + 1) + (standard.equals(sig) ? sig + "==" : standard));
        char last = sig.charAt(sig.length() - 1);
        int high = B64URL.indexOf(last) & ~3; // 43 characters carry 256 bits: the last one's 2 low bits are unused
        for (int low = 0; low < 4; low++) {
            char c = B64URL.charAt(high | low);
            if (c != last) {
                out.add(jwt.substring(0, jwt.length() - 1) + c);
            }
        }
        return out;
    }

    @Test
    void jwtOneTokenOneEncoding() {
        assertThat(status(genuine)).isEqualTo(200);
        List<String> variants = variants(genuine);
        assertThat(variants).hasSize(5).doesNotContain(genuine);
        for (String v : variants) {
            assertThat(status(v)).as("variant %s", v.substring(v.lastIndexOf('.'))).isEqualTo(401);
        }
        assertThat(status(genuine)).as("the genuine token still works").isEqualTo(200);
    }

    @Test
    void paddedOrStandardAlphabetHeaderAndPayloadAreRefused() {
        String[] parts = genuine.split("\\.");
        assertThat(status(parts[0] + "=." + parts[1] + "." + parts[2])).isEqualTo(401);
        assertThat(status(parts[0] + "." + parts[1] + "=." + parts[2])).isEqualTo(401);
        assertThat(status(parts[0] + "." + parts[1] + "." + parts[2] + ".")).isEqualTo(401);
        assertThat(status(parts[0] + ".." + parts[1] + "." + parts[2])).isEqualTo(401);
        assertThat(status(" " + genuine)).as("surrounding blanks are the header's, not the token's").isEqualTo(200);
    }
}

package app.smsdesk.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * F4: the login throttle must never lock out a client with valid credentials, nor the console. The audit's
 * reproductions, with a better fix than "exempt recently successful logins": credentials that passed are not
 * throttled at all (they are in the authenticator's cache), a login under a distributed attack gives each new
 * address one checked attempt a minute instead of refusing everyone, and the console's sign-in has a bucket of its
 * own that no network client can drain.
 */
class F4LoginThrottleTest {
    private static final String WRONG = TestGateway.basic(TestGateway.ADMIN, "guess-wrong-000000");

    private static int get(TestGateway gw, String from, String auth) throws IOException {
        String head = "GET /3rdparty/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth;
        return RawHttp.send(gw.gateway().port(), from, RawHttp.request(head, new byte[0]), Duration.ofSeconds(20))
                .status();
    }

    @Test
    void failedLoginsOfOthersDoNotLockOutASignedInClient() throws IOException {
        try (TestGateway gw = TestGateway.start()) {
            assertThat(get(gw, "127.0.0.81", TestGateway.adminBasic())).isEqualTo(200);
            for (int i = 0; i < 12; i++) { // a guesser behind the same NAT address
                get(gw, "127.0.0.81", WRONG);
            }
            assertThat(get(gw, "127.0.0.81", WRONG)).as("the guesser is throttled").isEqualTo(429);
            assertThat(get(gw, "127.0.0.81", TestGateway.adminBasic()))
                    .as("the integration that signed in before carries on").isEqualTo(200);
        }
    }

    @Test
    void distributedFailuresDoNotLockTheAdminOut() throws IOException {
        try (TestGateway gw = TestGateway.start()) {
            for (int a = 1; a <= 3; a++) { // the audit: 3 addresses x 10 failures, and continuing
                for (int i = 0; i < 12; i++) {
                    get(gw, "127.0.9." + a, WRONG);
                }
            }
            assertThat(get(gw, "127.0.9.1", WRONG)).isEqualTo(429);
            assertThat(get(gw, "127.0.0.1", TestGateway.adminBasic())).as("the admin's desk").isEqualTo(200);
            assertThat(get(gw, "127.0.10.1", TestGateway.adminBasic())).as("the admin from a new address")
                    .isEqualTo(200);
            assertThat(get(gw, "127.0.10.2", WRONG)).as("a new guesser's one attempt").isEqualTo(401);
            assertThat(get(gw, "127.0.10.2", WRONG)).as("and no second one this minute").isEqualTo(429);
            assertThat(gw.services().accounts().verify(TestGateway.ADMIN, TestGateway.PASSWORD))
                    .as("the console's sign-in").isEqualTo(TestGateway.ADMIN);
            gw.services().accounts().changePassword(TestGateway.ADMIN, TestGateway.PASSWORD,
                    "a-new-console-password-1");
            assertThat(get(gw, "127.0.0.1", TestGateway.basic(TestGateway.ADMIN, "a-new-console-password-1")))
                    .isEqualTo(200);
        }
    }
}

package app.smsdesk.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.domain.TooManyRequestsException;
import app.smsdesk.gateway.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle's bookkeeping: IPv6 by /64, one report per episode, and refills over time. */
class LoginThrottleTest {
    private final MutableClock clock = new MutableClock();
    private final List<String> reports = new ArrayList<>();
    private final LoginThrottle throttle = new LoginThrottle(clock, login -> login,
            (m, c) -> reports.add(m + " " + c.get("ip")));

    private void failTimes(String address, String login, int n) {
        for (int i = 0; i < n; i++) {
            throttle.check(address, login);
            throttle.failed(address, login);
        }
    }

    @Test
    void ipv6AddressesCountPerSlash64() {
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:3::1"));
        assertThat(LoginThrottle.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");

        failTimes("2001:db8:1:2::1", "a", LoginThrottle.ADDRESS_BURST);
        assertThatThrownBy(() -> throttle.check("2001:db8:1:2::99", "b"))
                .isInstanceOf(TooManyRequestsException.class);
        throttle.check("2001:db8:1:3::1", "b");
    }

    @Test
    void anEpisodeIsReportedOnceAndEndsWhenTheAllowanceIsBack() {
        failTimes("192.0.2.7", "a", LoginThrottle.ADDRESS_BURST);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> throttle.check("192.0.2.7", "a")).isInstanceOf(TooManyRequestsException.class);
        }
        clock.advance(LoginThrottle.REFILL);
        failTimes("192.0.2.7", "a", 1); // still the same episode: a guess every few seconds
        assertThatThrownBy(() -> throttle.check("192.0.2.7", "a")).isInstanceOf(TooManyRequestsException.class);
        assertThat(reports).hasSize(1).first().asString().contains("192.0.2.7");

        clock.advance(LoginThrottle.REFILL.multipliedBy(LoginThrottle.ADDRESS_BURST));
        failTimes("192.0.2.7", "a", LoginThrottle.ADDRESS_BURST);
        assertThatThrownBy(() -> throttle.check("192.0.2.7", "a")).isInstanceOf(TooManyRequestsException.class);
        assertThat(reports).as("a new episode").hasSize(2);
    }

    @Test
    void retryAfterIsTheTimeUntilTheNextAttempt() {
        failTimes("192.0.2.7", "a", LoginThrottle.ADDRESS_BURST);
        clock.advance(LoginThrottle.REFILL.dividedBy(3));
        TooManyRequestsException e = org.junit.jupiter.api.Assertions.assertThrows(TooManyRequestsException.class,
                () -> throttle.check("192.0.2.7", "a"));
        assertThat(e.retryAfter()).isEqualTo(LoginThrottle.REFILL.minus(LoginThrottle.REFILL.dividedBy(3)));
    }

    @Test
    void aLoginUnderAttackGivesEachNewAddressOneCheckedAttemptAMinute() {
        for (int i = 0; i < LoginThrottle.LOGIN_BURST; i++) {
            failTimes("192.0.2." + i, "admin", 1);
        }
        throttle.check("198.51.100.1", "admin"); // checked: the real user may be behind it
        throttle.failed("198.51.100.1", "admin");
        assertThatThrownBy(() -> throttle.check("198.51.100.1", "admin"))
                .isInstanceOf(TooManyRequestsException.class);
        throttle.check("198.51.100.1", "other"); // other logins keep the address's usual allowance

        throttle.check("198.51.100.2", "admin");
        throttle.succeeded("198.51.100.2", "admin");
        failTimes("198.51.100.2", "admin", 3); // trusted now: its usual burst

        clock.advance(LoginThrottle.UNDER_ATTACK_REFILL);
        throttle.check("198.51.100.1", "admin");
    }
}

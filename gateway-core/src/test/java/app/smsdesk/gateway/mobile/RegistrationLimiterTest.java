package app.smsdesk.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The registration limiter's bookkeeping: IPv6 by /64 and a failure budget shared by all addresses. */
class RegistrationLimiterTest {
    private final MutableClock clock = new MutableClock();
    private final RegistrationLimiter limiter = new RegistrationLimiter(clock, Duration.ofMinutes(1), 60, 5, 20);

    private void fail(String address) {
        assertThat(limiter.tryAcquire(address)).as(address).isZero();
        limiter.failed(address);
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        for (int i = 1; i <= 5; i++) {
            fail("2001:db8:1:2::" + i); // five hosts of one /64, as one client rotating its address
        }
        assertThat(limiter.tryAcquire("2001:db8:1:2:ffff::1")).isPositive();
        assertThat(limiter.tryAcquire("2001:db8:1:3::1")).as("the next /64").isZero();
    }

    @Test
    void failuresFromManyAddressesSpendOneBudget() {
        for (int i = 1; i <= 20; i++) {
            fail("192.0.2." + i);
        }
        Duration wait = limiter.tryAcquire("198.51.100.1");
        assertThat(wait).as("a new address once the budget is spent").isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("198.51.100.1")).as("the window slid on").isZero();
    }
}

package app.smsdesk.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Password guessing: failed logins are throttled per client address (429 with {@code Retry-After}, before the
 * password is even looked at) and per login across addresses (one attempt a minute per new address), while the
 * real admin keeps working, from another address or a new one. Clients come from other loopback addresses (127.0.0.2, ...), which the gateway sees as other hosts.
 */
class BruteForceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WRONG = TestGateway.basic(TestGateway.ADMIN, "guess-0000-wrong");
    private static final String RIGHT = TestGateway.adminBasic();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** LoginThrottle.ADDRESS_BURST, LOGIN_BURST and REFILL. */
    private static final int ADDRESS_BURST = 10;
    private static final int LOGIN_BURST = 30;
    private static final Duration REFILL = Duration.ofSeconds(6);

    /** Guesses made (wrong passwords, and right ones from a throttled address) and how many got in. */
    private static final AtomicInteger GUESSES = new AtomicInteger();
    private static final AtomicInteger GOT_IN = new AtomicInteger();
    private static final AtomicInteger THROTTLED = new AtomicInteger();

    static RawHttp.Response call(TestGateway gw, String from, String method, String path, String auth) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth
                + (method.equals("POST") ? "\r\nContent-Type: application/json\r\nContent-Length: 2" : "");
        try {
            RawHttp.Response r = RawHttp.send(gw.gateway().port(), from, RawHttp.request(head,
                    method.equals("POST") ? "{}".getBytes(StandardCharsets.US_ASCII) : new byte[0]), TIMEOUT);
            count(auth.startsWith("Basic ") && !auth.equals(RIGHT), r.status());
            return r;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void count(boolean guess, int status) {
        if (status == 429) {
            THROTTLED.incrementAndGet();
        }
        if (guess) {
            GUESSES.incrementAndGet();
            if (status / 100 == 2) {
                GOT_IN.incrementAndGet();
            }
        }
    }

    @AfterAll
    static void report() {
        Reliability.report("bruteforce", List.of(
                "wrong passwords tried (one address, many addresses, a flood, a phone's password change): "
                        + GUESSES.get() + ", let in: " + GOT_IN.get(),
                "answered 429 (throttled, no bcrypt): " + THROTTLED.get()));
    }

    private static void assertThrottled(RawHttp.Response r) throws IOException {
        assertThat(r.status()).as(r.toString()).isEqualTo(429);
        assertThat(MAPPER.readTree(r.body()).path("message").asText()).contains("try again later");
        assertThat(r.header("Retry-After")).as("Retry-After of " + r).isNotNull();
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 60L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /3rdparty/v1/messages", "POST /3rdparty/v1/auth/token/refresh",
        "GET /api/mobile/v1/user/code", "POST /api/mobile/v1/device"})
    void anAddressThatKeepsGuessingGets429EvenForTheRightPasswordWhileTheAdminCarriesOn(String endpoint)
            throws IOException {
        String method = endpoint.split(" ")[0];
        String path = endpoint.split(" ")[1];
        try (TestGateway gw = TestGateway.start()) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < ADDRESS_BURST + 2; i++) {
                statuses.add(call(gw, "127.0.0.2", method, path, WRONG).status());
            }
            // The phone endpoints have their own, tighter registration limit (5 a minute) on top.
            assertThat(statuses.subList(0, 5)).containsOnly(401);
            assertThat(statuses.subList(ADDRESS_BURST, ADDRESS_BURST + 2)).containsOnly(429);
            assertThrottled(call(gw, "127.0.0.2", method, path, RIGHT));

            RawHttp.Response admin = call(gw, "127.0.0.1", "GET", "/3rdparty/v1/messages", RIGHT);
            assertThat(admin.status()).as("the admin from another address").isEqualTo(200);
            assertThat(call(gw, "127.0.0.3", "GET", "/3rdparty/v1/messages", RIGHT).status())
                    .as("a new address with the right password").isEqualTo(200);
        }
    }

    @Test
    void guessingTheCurrentPasswordFromAPhoneIsThrottledToo() throws IOException {
        try (TestGateway gw = TestGateway.start()) {
            PhoneSimulator phone = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                    new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)));
            phone.register();
            String head = "PATCH /api/mobile/v1/user/password HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + phone.bearer() + "\r\nContent-Type: application/json\r\nContent-Length: ";
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < ADDRESS_BURST + 2; i++) {
                byte[] body = ("{\"currentPassword\":\"guess-" + i + "-wrong\",\"newPassword\":"
                        + "\"a-brand-new-password-1\"}").getBytes(StandardCharsets.UTF_8);
                int status = RawHttp.send(gw.gateway().port(), "127.0.0.2", RawHttp.request(head + body.length,
                        body), TIMEOUT).status();
                count(true, status == 204 ? 200 : status);
                statuses.add(status);
            }
            assertThat(statuses.subList(0, ADDRESS_BURST)).containsOnly(401);
            assertThat(statuses.subList(ADDRESS_BURST, ADDRESS_BURST + 2)).containsOnly(429);
            assertThat(call(gw, "127.0.0.1", "GET", "/3rdparty/v1/messages", RIGHT).status()).isEqualTo(200);
            phone.close();
        }
    }

    @Test
    void theThrottleLiftsAfterRetryAfterOneAttemptAtATime() throws IOException {
        try (TestGateway gw = TestGateway.start()) {
            for (int i = 0; i < ADDRESS_BURST; i++) {
                assertThat(call(gw, "127.0.0.2", "GET", "/3rdparty/v1/messages", WRONG).status()).isEqualTo(401);
            }
            RawHttp.Response throttled = call(gw, "127.0.0.2", "GET", "/3rdparty/v1/messages", WRONG);
            assertThrottled(throttled);
            assertThat(Duration.ofSeconds(Long.parseLong(throttled.header("Retry-After")))).isEqualTo(REFILL);

            gw.clock().advance(REFILL);
            assertThat(call(gw, "127.0.0.2", "GET", "/3rdparty/v1/messages", WRONG).status()).isEqualTo(401);
            assertThrottled(call(gw, "127.0.0.2", "GET", "/3rdparty/v1/messages", RIGHT));

            gw.clock().advance(REFILL);
            assertThat(call(gw, "127.0.0.2", "GET", "/3rdparty/v1/messages", RIGHT).status())
                    .as("the right password once the address may try again").isEqualTo(200);
            assertThat(call(gw, "127.0.0.2", "GET", "/3rdparty/v1/messages", WRONG).status())
                    .as("a success forgives the address's failures").isEqualTo(401);
        }
    }

    @Test
    void throttledGuessesAreNotCheckedAndTheEpisodeIsLoggedOnce() throws IOException {
        try (TestGateway gw = TestGateway.start()) {
            for (int i = 0; i < ADDRESS_BURST + 40; i++) {
                call(gw, "127.0.0.2", "GET", "/3rdparty/v1/messages", WRONG);
            }
            String log = gw.get("/logs?limit=1000", RIGHT).body();
            int failures = log.split("authentication failed: wrong password for", -1).length - 1;
            assertThat(failures).as("only the guesses before the throttle reached bcrypt").isEqualTo(ADDRESS_BURST);
            assertThat(log.split("address throttled", -1).length - 1).isEqualTo(1);
            assertThat(log).contains("127.0.0.2").doesNotContain("guess-0000-wrong");
        }
    }

    @Test
    void aLoginGuessedFromManyAddressesGetsOneAttemptAMinutePerNewAddressAndTheRightPasswordStillWorks()
            throws IOException {
        try (TestGateway gw = TestGateway.start()) {
            assertThat(call(gw, "127.0.0.1", "GET", "/3rdparty/v1/messages", RIGHT).status()).isEqualTo(200);
            for (int i = 0; i < LOGIN_BURST; i++) { // one guess each from 30 addresses
                assertThat(call(gw, "127.0.1." + (i + 1), "GET", "/3rdparty/v1/messages", WRONG).status())
                        .isEqualTo(401);
            }
            assertThat(call(gw, "127.0.2.1", "GET", "/3rdparty/v1/messages", WRONG).status())
                    .as("a new address's one attempt is checked").isEqualTo(401);
            assertThrottled(call(gw, "127.0.2.1", "GET", "/3rdparty/v1/messages", WRONG));
            assertThat(call(gw, "127.0.2.2", "GET", "/3rdparty/v1/messages", RIGHT).status())
                    .as("the real user from a new address (audit F4)").isEqualTo(200);
            assertThat(call(gw, "127.0.0.1", "GET", "/3rdparty/v1/messages", RIGHT).status())
                    .as("the admin's usual address").isEqualTo(200);
            assertThat(call(gw, "127.0.2.3", "GET", "/3rdparty/v1/messages", gw.bearerWith("messages:list"))
                    .status()).as("tokens are not affected").isEqualTo(200);
        }
    }

    @Test
    void aLoginFloodFromManyAddressesIsBoundedAndTokensStayFast() throws Exception {
        try (TestGateway gw = TestGateway.start()) {
            String token = gw.bearerWith("messages:list");
            ExecutorService pool = Executors.newFixedThreadPool(48);
            try {
                List<Future<RawHttp.Response>> flood = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    String from = "127.0.3." + (1 + i % 60);
                    String guess = TestGateway.basic("user" + i, "guess-" + i);
                    flood.add(pool.submit(() -> call(gw, from, "GET", "/3rdparty/v1/messages", guess)));
                }
                long slowest = 0;
                for (int i = 0; i < 20; i++) {
                    long start = System.nanoTime();
                    assertThat(gw.get("/messages?limit=1", token).status()).isEqualTo(200);
                    slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<RawHttp.Response> f : flood) {
                    RawHttp.Response r = f.get();
                    statuses.add(r.status());
                    if (r.status() == 503) {
                        assertThat(r.header("Retry-After")).isNotNull();
                    }
                }
                assertThat(statuses).containsOnly(401, 503).contains(401);
                assertThat(slowest).as("ms for a token request during the flood").isLessThan(3_000);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

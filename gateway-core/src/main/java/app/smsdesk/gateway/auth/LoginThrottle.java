package app.smsdesk.gateway.auth;

import app.smsdesk.gateway.domain.TooManyRequestsException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Throttles password guessing. Each client address may fail a login {@link #ADDRESS_BURST} times in a row, then
 * once per {@link #REFILL}. A throttled address is refused with 429 before the password is looked at, so it costs
 * no bcrypt and says nothing about the password.
 *
 * <p>A login guessed from many addresses (more than {@link #LOGIN_BURST} failures across all of them) is
 * <em>under attack</em>: from then on each untrusted address gets one attempt at that login per
 * {@link #UNDER_ATTACK_REFILL} instead of its usual burst. That first attempt is checked, so the real user signs in
 * from any address, new ones included, while a distributed guesser is slowed to one guess per address per minute.
 * Refusing the login everywhere (the old behaviour) let three addresses lock the admin out (audit F4). Addresses
 * where the login recently succeeded keep their usual allowance.
 *
 * <p>IPv6 clients are counted per /64, the block a single host usually controls. Only failures count, so a
 * client with the right password is never slowed down; credentials that already passed are never throttled at
 * all ({@link BasicAuthenticator} looks in its cache first).
 */
public final class LoginThrottle {
    static final int ADDRESS_BURST = 10;
    static final int LOGIN_BURST = 30;
    static final Duration REFILL = Duration.ofSeconds(6);
    /** How often an untrusted address may try a login that is under attack. */
    static final Duration UNDER_ATTACK_REFILL = Duration.ofSeconds(60);
    /** How long a successful login keeps its address trusted for that login. */
    static final Duration TRUST = Duration.ofDays(30);
    private static final int MAX_TRUSTED_PER_LOGIN = 32;
    /** Beyond this many tracked keys (a very wide attack) untrusted newcomers are refused until it calms. */
    static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final UnaryOperator<String> describeLogin;
    private final BiConsumer<String, Map<String, String>> onThrottle;
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final Map<String, Bucket> logins = new ConcurrentHashMap<>();
    /** Per (address, login under attack): one attempt per {@link #UNDER_ATTACK_REFILL}. */
    private final Map<String, Bucket> attacked = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> trusted = new ConcurrentHashMap<>();

    /**
     * Failures left, as of {@code at}, in milliseconds of refill time (a failure costs {@link #REFILL}); immutable,
     * so updates are atomic per key.
     */
    private record Bucket(long credit, long at, boolean reported) {
    }

    /**
     * @param clock time source
     * @param describeLogin names a login for the log without quoting what may be a password typed into the
     *                      login field (e.g. quotes existing accounts only)
     * @param onThrottle told (message, context) when a key starts being throttled, once per episode
     */
    public LoginThrottle(Clock clock, UnaryOperator<String> describeLogin,
                         BiConsumer<String, Map<String, String>> onThrottle) {
        this.clock = clock;
        this.describeLogin = describeLogin;
        this.onThrottle = onThrottle;
    }

    /**
     * Throws 429 when {@code address} has no failures left, or when {@code login} is under attack and this
     * untrusted address already had its attempt at it.
     */
    public void check(String address, String login) {
        long now = clock.millis();
        String key = addressKey(address);
        long wait = waitFor(addresses, key, ADDRESS_BURST, REFILL, now);
        if (wait > 0) {
            report(addresses, key, "address throttled after repeated failed logins",
                    Map.of("ip", address, "login", describeLogin.apply(login)));
        } else if (!isConsole(address) && underAttack(login, now) && !isTrusted(login, key, now)) {
            report(logins, login, "login under attack from many addresses: one attempt a minute per new address",
                    Map.of("login", describeLogin.apply(login), "ip", address));
            wait = waitFor(attacked, key + '\0' + login, 1, UNDER_ATTACK_REFILL, now);
        }
        if (wait > 0) {
            throw new TooManyRequestsException("too many failed logins, try again later", Duration.ofMillis(wait));
        }
    }

    /** The console's sign-in: throttled by its own address bucket only, so the network cannot lock it out. */
    private static boolean isConsole(String address) {
        return BasicAuthenticator.IN_PROCESS.equals(address);
    }

    private boolean underAttack(String login, long now) {
        return waitFor(logins, login, LOGIN_BURST, REFILL, now) > 0;
    }

    /** Counts a failed login against the address and the login. */
    public void failed(String address, String login) {
        long now = clock.millis();
        String key = addressKey(address);
        if (!isConsole(address) && underAttack(login, now)) {
            take(attacked, key + '\0' + login, 1, UNDER_ATTACK_REFILL, now);
        }
        take(addresses, key, ADDRESS_BURST, REFILL, now);
        if (!isConsole(address)) {
            take(logins, login, LOGIN_BURST, REFILL, now);
        }
    }

    /** Trusts {@code address} for {@code login} from now on (and forgets its failures). */
    public void succeeded(String address, String login) {
        long now = clock.millis();
        String key = addressKey(address);
        addresses.remove(key);
        attacked.remove(key + '\0' + login);
        Map<String, Long> known = trusted.computeIfAbsent(login, l -> new LinkedHashMap<>());
        synchronized (known) {
            known.remove(key);
            known.put(key, now);
            if (known.size() > MAX_TRUSTED_PER_LOGIN) {
                known.remove(known.keySet().iterator().next());
            }
        }
    }

    private boolean isTrusted(String login, String key, long now) {
        Map<String, Long> known = trusted.get(login);
        if (known == null) {
            return false;
        }
        synchronized (known) {
            Long at = known.get(key);
            return at != null && now - at < TRUST.toMillis();
        }
    }

    /** Milliseconds until a failure is allowed again (0: now). */
    private static long waitFor(Map<String, Bucket> buckets, String key, int burst, Duration refill, long now) {
        Bucket b = buckets.get(key);
        if (b == null) {
            return buckets.size() >= MAX_TRACKED ? refill.toMillis() : 0;
        }
        return Math.max(0, refill.toMillis() - refilled(b, burst, refill, now));
    }

    private static void take(Map<String, Bucket> buckets, String key, int burst, Duration refill, long now) {
        if (buckets.size() >= MAX_TRACKED) { // full ones carry no state
            buckets.values().removeIf(b -> refilled(b, burst, refill, now) >= full(burst, refill));
        }
        buckets.compute(key, (k, b) -> {
            long credit = b == null ? full(burst, refill) : refilled(b, burst, refill, now);
            // One report per episode: it ends when the bucket has filled up again.
            return new Bucket(Math.max(0, credit - refill.toMillis()), now,
                    b != null && b.reported() && credit < full(burst, refill));
        });
    }

    private void report(Map<String, Bucket> buckets, String key, String message, Map<String, String> context) {
        Bucket b = buckets.get(key);
        if (b != null && !b.reported()) {
            buckets.computeIfPresent(key, (k, old) -> new Bucket(old.credit(), old.at(), true));
            onThrottle.accept(message, context);
        }
    }

    private static long refilled(Bucket b, int burst, Duration refill, long now) {
        return Math.min(full(burst, refill), b.credit() + Math.max(0, now - b.at()));
    }

    private static long full(int burst, Duration refill) {
        return burst * refill.toMillis();
    }

    /** The address as counted: IPv4 as is, IPv6 by its /64. */
    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        try {
            byte[] b = InetAddress.getByName(address).getAddress();
            if (b.length != 16) {
                return address;
            }
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                s.append(String.format("%x:", ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)));
            }
            return s.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}

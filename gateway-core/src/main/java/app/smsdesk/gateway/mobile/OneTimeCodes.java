package app.smsdesk.gateway.mobile;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time codes that let another phone join an account ({@code Authorization: Code <code>}): six characters of
 * an unambiguous alphabet, valid for a minute, single use, compared case-insensitively (as the reference server).
 * Kept in memory: a code outliving a restart is not worth a table.
 */
final class OneTimeCodes {
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    static final int LENGTH = 6;
    static final Duration TTL = Duration.ofSeconds(60);
    /** How long a code from the console's pairing screen is valid. */
    static final Duration CONSOLE_TTL = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A code and when it stops working. */
    record Code(String code, Instant validUntil) {
    }

    private record Entry(String userId, Instant validUntil) {
    }

    private final Clock clock;
    private final Map<String, Entry> codes = new ConcurrentHashMap<>();

    OneTimeCodes(Clock clock) {
        this.clock = clock;
    }

    Code issue(String userId) {
        return issue(userId, TTL);
    }

    /** A code valid for {@code ttl} (the console's pairing screen gives the admin time to type it). */
    Code issue(String userId, Duration ttl) {
        Instant now = clock.instant();
        codes.values().removeIf(e -> !e.validUntil().isAfter(now));
        Instant validUntil = now.plus(ttl);
        while (true) {
            String code = random();
            if (codes.putIfAbsent(code, new Entry(userId, validUntil)) == null) {
                return new Code(code, validUntil);
            }
        }
    }

    /** The account the code was issued for, if it is valid; the code is used up either way. */
    Optional<String> redeem(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Entry e = codes.remove(code.strip().toLowerCase(Locale.ROOT));
        return e != null && e.validUntil().isAfter(clock.instant()) ? Optional.of(e.userId()) : Optional.empty();
    }

    private static String random() {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }
}

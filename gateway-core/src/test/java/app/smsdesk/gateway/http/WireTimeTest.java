package app.smsdesk.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written formatter gives exactly what the pattern formatter gives. */
class WireTimeTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsLikeThePatternForAnyInstantOfYearsZeroTo9999() {
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            assertThat(WireTime.format(t)).isEqualTo(REFERENCE.format(t));
        }
    }

    @Test
    void edgesAndTruncationOfSubMilliseconds() {
        assertThat(WireTime.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(WireTime.format(Instant.parse("2026-11-30T23:59:59.999999999Z")))
                .isEqualTo("2026-11-30T23:59:59.999Z");
        assertThat(WireTime.format(Instant.parse("1969-12-31T23:59:59.001Z"))).isEqualTo("1969-12-31T23:59:59.001Z");
        Instant far = Instant.parse("+12345-01-01T00:00:00Z");
        assertThat(WireTime.format(far)).isEqualTo(REFERENCE.format(far));
    }
}

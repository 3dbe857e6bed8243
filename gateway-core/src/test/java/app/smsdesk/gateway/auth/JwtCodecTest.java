package app.smsdesk.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.domain.UnauthorizedException;
import app.smsdesk.gateway.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec remembers tokens that verified once; a remembered token must still expire and never vouch for another. */
class JwtCodecTest {
    private final MutableClock clock = new MutableClock();
    private final JwtCodec codec = new JwtCodec(Secrets.randomBytes(64), "smsdesk", clock);

    private String token(String jti, Duration ttl) {
        Instant now = clock.instant();
        return codec.sign(jti, "admin", List.of("messages:send"), null, now, now.plus(ttl));
    }

    @Test
    void aRepeatedTokenGivesTheSameClaims() {
        String t = token("jti-1", Duration.ofHours(1));
        JwtCodec.Claims first = codec.verify(t);
        JwtCodec.Claims again = codec.verify(t);
        assertThat(again).isEqualTo(first);
        assertThat(again.jti()).isEqualTo("jti-1");
        assertThat(again.scopes()).containsExactly("messages:send");
    }

    @Test
    void aRememberedTokenStillExpires() {
        String t = token("jti-2", Duration.ofMinutes(5));
        codec.verify(t);
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> codec.verify(t)).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String t = token("jti-3", Duration.ofHours(1));
        codec.verify(t);
        String[] parts = t.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        assertThatThrownBy(() -> codec.verify(forged)).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("bad signature");
    }

    @Test
    void anotherKeysTokenIsRefusedAfterOursWasRemembered() {
        JwtCodec other = new JwtCodec(Secrets.randomBytes(64), "smsdesk", clock);
        Instant now = clock.instant();
        codec.verify(token("jti-4", Duration.ofHours(1)));
        String foreign = other.sign("jti-4", "admin", List.of("all:any"), null, now, now.plusSeconds(3600));
        assertThatThrownBy(() -> codec.verify(foreign)).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void theMemoryIsBoundedAndForgetsExpiredTokensFirst() {
        VerifiedTokens memory = new VerifiedTokens(3);
        Instant now = clock.instant();
        JwtCodec.Claims expired = new JwtCodec.Claims("old", "admin", List.of(), List.of(), now.minusSeconds(60),
                now.minusSeconds(1));
        JwtCodec.Claims live = new JwtCodec.Claims("new", "admin", List.of(), List.of(), now, now.plusSeconds(60));
        memory.put("a", expired, now.toEpochMilli());
        memory.put("b", live, now.toEpochMilli());
        memory.put("c", live, now.toEpochMilli());
        memory.put("d", live, now.toEpochMilli());
        assertThat(memory.get("a")).isNull();
        assertThat(memory.get("d")).isEqualTo(live);
        assertThat(memory.size()).isEqualTo(3);
        memory.put("e", live, now.toEpochMilli());
        assertThat(memory.size()).isLessThanOrEqualTo(3);
        assertThat(memory.get("e")).isEqualTo(live);
    }
}

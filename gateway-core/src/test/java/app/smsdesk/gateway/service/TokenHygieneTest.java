package app.smsdesk.gateway.service;

import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.domain.HygieneFinding;
import app.smsdesk.gateway.domain.HygieneFinding.Kind;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.testing.LeakWatch;
import app.smsdesk.gateway.testing.TestGateway;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hygiene board from real use over HTTP: never used, unused for 30 days, expiring within a week, and broader
 * scopes than used in 30 days, with "narrow it" rolling into a token with only the used scopes.
 */
class TokenHygieneTest {
    private static String mint(TestGateway gw, String name, Duration ttl, List<String> scopes) {
        var issued = gw.services().tokens().mint(gw.admin(),
                new TokenService.MintRequest(scopes, ttl.toSeconds(), name));
        LeakWatch.watch(issued.accessToken());
        LeakWatch.watch(issued.refreshToken());
        return issued.accessToken();
    }

    private static List<Kind> kindsOf(TestGateway gw, String name) {
        return gw.services().tokens().hygiene(gw.admin()).stream().filter(f -> name.equals(f.token().name()))
                .map(HygieneFinding::kind).toList();
    }

    @Test
    void findsIdleExpiringAndOverScopedTokensFromTheirRealUse() {
        try (TestGateway gw = TestGateway.start()) {
            var settings = gw.services().gatewaySettings();
            settings.update(settings.get().withTokenTtls(Duration.ofHours(1), Duration.ofDays(90),
                    Duration.ofDays(90)), "tests");
            mint(gw, "forgotten", Duration.ofDays(60), List.of("messages:send"));
            String reporting = mint(gw, "reporting", Duration.ofDays(60),
                    List.of("messages:send", "messages:list", "devices:list"));
            String old = mint(gw, "old script", Duration.ofDays(60), List.of("messages:list"));
            mint(gw, "short", Duration.ofDays(3), List.of("messages:send"));

            assertThat(kindsOf(gw, "forgotten")).as("minted today: not yet a finding").isEmpty();
            assertThat(gw.get("/messages", bearer(reporting)).status()).isEqualTo(200);
            assertThat(gw.get("/messages", bearer(old)).status()).isEqualTo(200);
            assertThat(gw.get("/devices", bearer(old)).status()).as("a refused scope is no use").isEqualTo(403);
            gw.services().tokens().flushUsage();

            List<HygieneFinding> board = gw.services().tokens().hygiene(gw.admin());
            HygieneFinding broad = board.stream().filter(f -> f.kind() == Kind.BROADER_SCOPES).findFirst().orElseThrow();
            assertThat(broad.token().name()).isEqualTo("reporting");
            assertThat(broad.narrowTo()).containsExactly("messages:list");
            assertThat(broad.advice()).contains("only used messages:list; narrow it to that");
            assertThat(kindsOf(gw, "old script")).as("used all it holds").isEmpty();
            assertThat(kindsOf(gw, "short")).containsExactly(Kind.EXPIRING_SOON);

            gw.clock().advance(Duration.ofDays(2));
            assertThat(kindsOf(gw, "forgotten")).containsExactly(Kind.NEVER_USED);
            gw.clock().advance(Duration.ofDays(29));
            assertThat(kindsOf(gw, "old script")).containsExactly(Kind.UNUSED_30_DAYS);
            assertThat(kindsOf(gw, "reporting")).as("its use is older than 30 days: no narrowing advice either")
                    .containsExactly(Kind.UNUSED_30_DAYS);
        }
    }

    @Test
    void narrowingRollsIntoATokenWithOnlyTheUsedScopes() {
        try (TestGateway gw = TestGateway.start()) {
            String wide = mint(gw, "wide", Duration.ofDays(7), List.of("all:any"));
            assertThat(gw.get("/messages", bearer(wide)).status()).isEqualTo(200);
            HygieneFinding f = gw.services().tokens().hygiene(gw.admin()).stream()
                    .filter(x -> x.kind() == Kind.BROADER_SCOPES).findFirst().orElseThrow();
            assertThat(f.narrowTo()).containsExactly("messages:list");

            var narrowed = gw.services().tokens().roll(gw.admin(), f.token().jti(), Duration.ofHours(1), f.narrowTo());
            LeakWatch.watch(narrowed.accessToken());
            LeakWatch.watch(narrowed.refreshToken());
            assertThat(narrowed.access().scopes()).containsExactly("messages:list");
            assertThat(gw.get("/messages", bearer(narrowed.accessToken())).status()).isEqualTo(200);
            assertThat(gw.get("/devices", bearer(narrowed.accessToken())).status()).isEqualTo(403);

            String small = mint(gw, "small", Duration.ofDays(7), List.of("messages:list"));
            String jti = gw.services().tokens().inventory(gw.admin()).stream()
                    .filter(t -> "small".equals(t.name()) && !t.isRefresh()).findFirst().orElseThrow().jti();
            assertThat(small).isNotEmpty();
            assertThatThrownBy(() -> gw.services().tokens().roll(gw.admin(), jti, Duration.ofHours(1),
                    List.of("messages:list", "devices:list"))).isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("scopes:");
        }
    }
}

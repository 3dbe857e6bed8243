package app.smsdesk.desktop.page.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.service.TokenService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokensViewModelTest {
    private TestConsole tc;
    private TokensViewModel tokens;

    @BeforeEach
    void start() {
        tc = new TestConsole();
        tokens = new TokensViewModel(tc.console());
    }

    @AfterEach
    void stop() {
        tc.close();
    }

    private TokenService.IssuedTokens mint(String name, NewTokenViewModel.Preset preset, int hours) {
        NewTokenViewModel dialog = tokens.newToken();
        dialog.load();
        dialog.nameProperty().set(name);
        dialog.applyPreset(preset);
        dialog.ttlUnitProperty().set(NewTokenViewModel.TtlUnit.HOURS);
        dialog.ttlAmountProperty().set(hours);
        dialog.mint();
        assertThat(tc.dialogs.errors).isEmpty();
        return dialog.issuedProperty().get();
    }

    private TokenRow row(String jti) {
        return tokens.allRows().stream().filter(r -> r.jti().equals(jti)).findFirst().orElseThrow();
    }

    @Test
    void mintedTokenWorksOverHttpAndAppearsInTheInventoryWithItsName() {
        TokenService.IssuedTokens t = mint("Shop website", NewTokenViewModel.Preset.SEND_ONLY, 2);

        assertThat(t.access().scopes()).containsExactly(Scopes.MESSAGES_SEND, Scopes.MESSAGES_READ);
        assertThat(tc.getWithToken("/messages/no-such-message", t.accessToken())).isEqualTo(404);
        assertThat(tc.getWithToken("/devices", t.accessToken())).isEqualTo(403);

        tokens.refresh();
        TokenRow r = row(t.access().jti());
        assertThat(r.name()).isEqualTo("Shop website");
        assertThat(r.status()).isEqualTo("active");
        assertThat(r.info().useCount()).isEqualTo(2);
        assertThat(r.lastUsedText()).isEqualTo("just now");
        assertThat(tokens.visibleRows()).extracting(TokenRow::jti).containsExactly(t.access().jti());
    }

    @Test
    void curlExampleUsesTheTokenForSomethingItMayDo() {
        NewTokenViewModel dialog = tokens.newToken();
        dialog.load();
        dialog.applyPreset(NewTokenViewModel.Preset.SEND_ONLY);
        dialog.mint();

        String curl = dialog.curlExampleProperty().get();
        assertThat(curl).contains("Bearer " + dialog.issuedProperty().get().accessToken())
                .contains(tc.gateway().localUrl() + "/3rdparty/v1/messages").contains("-X POST");
        dialog.copyToken();
        assertThat(tc.copied).containsExactly(dialog.issuedProperty().get().accessToken());
        assertThat(NewTokenViewModel.curl("http://h/3rdparty/v1", "T", List.of(Scopes.DEVICES_LIST)))
                .isEqualTo("curl \"http://h/3rdparty/v1/devices\" \\\n  -H \"Authorization: Bearer T\"");
    }

    @Test
    void lifetimeIsBoundedByTheGatewayMaximumAndScopesAreRequired() {
        NewTokenViewModel dialog = tokens.newToken();
        dialog.load();
        assertThat(dialog.canMintProperty().get()).isFalse();
        assertThat(dialog.problemProperty().get()).contains("at least one scope");

        dialog.scope(Scopes.LOGS_READ).set(true);
        dialog.ttlUnitProperty().set(NewTokenViewModel.TtlUnit.DAYS);
        dialog.ttlAmountProperty().set(31);
        assertThat(dialog.canMintProperty().get()).isFalse();
        assertThat(dialog.problemProperty().get()).contains("at most 30 days");

        dialog.ttlAmountProperty().set(30);
        assertThat(dialog.canMintProperty().get()).isTrue();
        assertThat(dialog.ttlHintProperty().get()).isEqualTo("Up to 30 days");
    }

    @Test
    void defaultLifetimeComesFromTheGatewaySettings() {
        NewTokenViewModel dialog = tokens.newToken();
        dialog.load();
        assertThat(dialog.ttlAmountProperty().get()).isEqualTo(1);
        assertThat(dialog.ttlUnitProperty().get()).isEqualTo(NewTokenViewModel.TtlUnit.HOURS);
    }

    @Test
    void revokingTurnsTheRowRevokedAtOnceAndTheTokenStopsWorking() {
        TokenService.IssuedTokens t = mint("Backup script", NewTokenViewModel.Preset.FULL_ACCESS, 2);
        tokens.refresh();

        tokens.revoke(List.of(row(t.access().jti())));

        assertThat(tc.dialogs.confirmations).singleElement().asString().contains("Backup script");
        assertThat(row(t.access().jti()).status()).isEqualTo("revoked");
        assertThat(row(t.refresh().jti()).status()).isEqualTo("revoked");
        assertThat(tc.getWithToken("/devices", t.accessToken())).isEqualTo(401);
    }

    @Test
    void declinedConfirmationRevokesNothing() {
        TokenService.IssuedTokens t = mint("Keep me", NewTokenViewModel.Preset.READ_ONLY, 2);
        tokens.refresh();
        tc.dialogs.answering(false);

        tokens.revoke(List.of(row(t.access().jti())));

        assertThat(row(t.access().jti()).status()).isEqualTo("active");
        assertThat(tc.getWithToken("/devices", t.accessToken())).isEqualTo(200);
    }

    @Test
    void pastedIdIsRevokedAndAnUnknownIdIsReported() {
        TokenService.IssuedTokens t = mint("Pasted", NewTokenViewModel.Preset.READ_ONLY, 2);
        tokens.refresh();

        tokens.revokePasted("  " + t.access().jti() + " ");
        tokens.revokePasted("no-such-token-id");

        assertThat(row(t.access().jti()).status()).isEqualTo("revoked");
        assertThat(tc.dialogs.infos).singleElement().asString().startsWith("Nothing revoked");
    }

    @Test
    void filtersBySearchAndStatusAndHidesRefreshTokensUnlessAsked() {
        TokenService.IssuedTokens a = mint("Shop website", NewTokenViewModel.Preset.SEND_ONLY, 2);
        TokenService.IssuedTokens b = mint("Reporting", NewTokenViewModel.Preset.READ_ONLY, 2);
        tokens.refresh();
        tokens.revoke(List.of(row(b.access().jti())));

        tokens.searchProperty().set("shop");
        assertThat(tokens.visibleRows()).extracting(TokenRow::jti).containsExactly(a.access().jti());
        tokens.searchProperty().set("");
        tokens.statusProperty().set(TokensViewModel.StatusFilter.REVOKED);
        assertThat(tokens.visibleRows()).extracting(TokenRow::jti).containsExactly(b.access().jti());
        tokens.showRefreshTokensProperty().set(true);
        assertThat(tokens.visibleRows()).extracting(TokenRow::jti)
                .containsExactlyInAnyOrder(b.access().jti(), b.refresh().jti());
        assertThat(tokens.summaryProperty().get()).startsWith("1 active").contains("1 revoked");
    }

    @Test
    void tokensNearExpiryAreFlaggedAndExpiredOnesShowAsExpired() {
        TokenService.IssuedTokens soon = mint("Soon", NewTokenViewModel.Preset.READ_ONLY, 2);
        TokenService.IssuedTokens later = mint("Later", NewTokenViewModel.Preset.READ_ONLY, 48);
        tokens.startLive();
        assertThat(row(soon.access().jti()).expiresSoon()).isTrue();
        assertThat(row(later.access().jti()).expiresSoon()).isFalse();
        assertThat(row(soon.access().jti()).expiresText()).isEqualTo("in 1 h");

        tc.clock.advance(Duration.ofHours(3));
        tc.tasks.tick(); // the live refresh

        assertThat(row(soon.access().jti()).status()).isEqualTo("expired");
        assertThat(row(later.access().jti()).expiresSoon()).isFalse();
        tokens.stopLive();
        assertThat(tc.tasks.repeatingCount()).isZero();
    }

    @Test
    void refreshChainShowsEveryRotationOfTheSelectedToken() {
        TokenService.IssuedTokens t = mint("Rotating", NewTokenViewModel.Preset.SEND_ONLY, 2);
        var refreshed = tc.post("/auth/token/refresh", "Bearer " + t.refreshToken(), "{}");
        assertThat(refreshed.statusCode()).isEqualTo(201);
        tokens.refresh();

        tokens.selectedProperty().set(row(t.access().jti()));

        assertThat(tokens.chain()).hasSize(4);
        assertThat(tokens.chain().get(0).jti()).isEqualTo(t.access().jti());
        assertThat(tokens.chain()).filteredOn(r -> r.info().isRefresh()).extracting(TokenRow::status)
                .containsExactly("revoked", "active");
    }

    @Test
    void rollingMakesALinkedSuccessorAndTheOldTokenWorksOutItsGracePeriod() {
        TokenService.IssuedTokens old = mint("Shop website", NewTokenViewModel.Preset.SEND_ONLY, 48);
        tokens.refresh();
        tokens.roll(row(old.access().jti()), "twelve");
        assertThat(tc.dialogs.infos).singleElement().asString().contains("whole number of hours");
        assertThat(tokens.rolledProperty().get()).isNull();

        tokens.roll(row(old.access().jti()), "12");

        TokenService.IssuedTokens rolled = tokens.rolledProperty().get();
        assertThat(rolled).isNotNull();
        assertThat(tc.copied).last().isEqualTo(rolled.accessToken());
        TokenRow successor = row(rolled.access().jti());
        assertThat(successor.name()).isEqualTo("Shop website");
        assertThat(tokens.rollLink(successor)).isEqualTo("Rolled from " + old.access().jti());
        assertThat(tokens.rollLink(row(old.access().jti()))).isEqualTo("Rolled into " + rolled.access().jti());
        assertThat(row(old.access().jti()).info().expiresAt()).isEqualTo(successor.info().createdAt()
                .plus(Duration.ofHours(12)));
        assertThat(tc.getWithToken("/messages/none", old.accessToken())).as("grace").isEqualTo(404);
        tc.clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertThat(tc.getWithToken("/messages/none", old.accessToken())).isEqualTo(401);
        assertThat(tc.getWithToken("/messages/none", rolled.accessToken())).isEqualTo(404);
    }

    @Test
    void theSelectedTokensRefusalsSayWhyAScriptStoppedWorking() {
        TokenService.IssuedTokens t = mint("Script", NewTokenViewModel.Preset.SEND_ONLY, 1);
        assertThat(tc.getWithToken("/devices", t.accessToken())).isEqualTo(403);
        tc.clock.advance(Duration.ofHours(2));
        assertThat(tc.getWithToken("/messages/none", t.accessToken())).isEqualTo(401);
        tokens.refresh();
        tokens.selectedProperty().set(row(t.access().jti()));
        assertThat(tokens.refusals()).extracting(r -> TokensViewModel.explain(r.reason()))
                .containsExactly("expired", "missing scope devices:list");
        tokens.selectedProperty().set(null);
        assertThat(tokens.refusals()).isEmpty();
    }
}

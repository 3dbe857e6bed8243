package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.TokenGuards;
import app.smsdesk.gateway.domain.TokenInfo;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import app.smsdesk.gateway.service.TokenService;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@code /auth/token}, {@code /auth/token/refresh}, {@code /auth/token/{jti}} and the inventory. */
public final class TokenHandlers {
    private final TokenService tokens;
    private final Clock clock;

    public TokenHandlers(TokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The guide's TokenRequest plus the optional inventory label {@code name} and guards (SMSDesk extensions). */
    record TokenRequest(List<String> scopes, Long ttl, String name, GuardsBody guards) {
    }

    /** A token's guards on the wire; every field is optional. */
    record GuardsBody(List<String> addresses, Integer dailyBudget, List<String> recipientPrefixes, String hours,
                      String timeZone) {
        TokenGuards validated() {
            return TokenGuards.validated(addresses, dailyBudget, recipientPrefixes, hours, timeZone);
        }

        static GuardsBody of(TokenGuards g) {
            return new GuardsBody(g.addresses(), g.dailyBudget(), g.recipientPrefixes(), g.hours(), g.timeZone());
        }
    }

    /** The guide's snake_case keys and, for the official Python client, their camelCase twins. */
    record TokenResponse(String id,
                         @JsonProperty("token_type") String tokenTypeSnake,
                         @JsonProperty("access_token") String accessTokenSnake,
                         @JsonProperty("refresh_token") String refreshTokenSnake,
                         @JsonProperty("expires_at") Instant expiresAtSnake,
                         String tokenType, String accessToken, String refreshToken, Instant expiresAt,
                         String name, List<String> scopes) {
        static TokenResponse of(TokenService.IssuedTokens t) {
            Instant exp = t.access().expiresAt();
            return new TokenResponse(t.access().jti(), "Bearer", t.accessToken(), t.refreshToken(), exp,
                    "Bearer", t.accessToken(), t.refreshToken(), exp, t.access().name(), t.access().scopes());
        }
    }

    /** One row of {@code GET /auth/tokens}. */
    record TokenView(String jti, String type, String name, List<String> scopes, String status, Instant createdAt,
                     Instant expiresAt, Instant revokedAt, Instant lastUsedAt, long useCount, String mintedBy,
                     String parentJti, String family, @JsonInclude(JsonInclude.Include.NON_NULL) GuardsBody guards) {
        static TokenView of(TokenInfo t, Instant now, TokenGuards guards) {
            return new TokenView(t.jti(), t.use(), t.name(), t.scopes(), t.status(now), t.createdAt(),
                    t.expiresAt(), t.revokedAt(), t.lastUsedAt(), t.useCount(), t.mintedBy(), t.parentJti(),
                    t.family(), guards == null ? null : GuardsBody.of(guards));
        }
    }

    void mint(ApiExchange ex) {
        TokenRequest req = ex.body(TokenRequest.class);
        TokenService.IssuedTokens issued = tokens.mint(ex.principal(),
                new TokenService.MintRequest(req.scopes(), req.ttl(), req.name(),
                        req.guards() == null ? null : req.guards().validated()));
        ex.json(201, TokenResponse.of(issued));
    }

    void refresh(ApiExchange ex) {
        ex.rawBody(); // no body is needed; {} (client-py) or none are both fine
        ex.json(201, TokenResponse.of(tokens.refresh(ex.header("Authorization"), ex.remoteAddress())));
    }

    void revoke(ApiExchange ex) {
        tokens.revoke(ex.principal(), ex.pathParam("jti"));
        ex.empty(204);
    }

    void inventory(ApiExchange ex) {
        Instant now = clock.instant();
        Map<String, TokenGuards> guards = tokens.guardsOfAccount(ex.principal());
        ex.json(200, tokens.inventory(ex.principal()).stream()
                .map(t -> TokenView.of(t, now, guards.get(t.family()))).toList());
    }

    void guards(ApiExchange ex) {
        ex.json(200, GuardsBody.of(tokens.guards(ex.principal(), ex.pathParam("jti"))));
    }

    void setGuards(ApiExchange ex) {
        TokenGuards guards = ex.body(GuardsBody.class).validated();
        ex.json(200, GuardsBody.of(tokens.setGuards(ex.principal(), ex.pathParam("jti"), guards)));
    }
}

package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scope each third-party endpoint requires (contract §3.0), checked from the outside: a token holding one
 * scope passes the scope check exactly where that scope is required and gets {@code 403 scope required: <scope>}
 * everywhere else.
 */
class ScopeTableTest {
    private static final String SEND = "{\"phoneNumbers\":[\"+14155552671\"],\"textMessage\":{\"text\":\"hi\"}}";
    private static final String EXPORT = "{\"since\":\"2026-01-01T00:00:00Z\",\"until\":\"2026-01-02T00:00:00Z\"}";
    private static final String WEBHOOK = "{\"id\":\"scope-table-hook\",\"url\":\"https://example.com/hook\","
            + "\"event\":\"sms:received\"}";
    private static final String UNKNOWN_ID = "NoSuchId0000000000000";

    /**
     * One endpoint with a harmless, plausible request.
     *
     * @param template method and path template as in the route table
     * @param scope the scope it requires
     * @param path a concrete path to call
     * @param body the request body, or null
     */
    record Endpoint(String template, String scope, String path, String body) {
        String method() {
            return template.substring(0, template.indexOf(' '));
        }

        @Override
        public String toString() {
            return template;
        }
    }

    /** Contract §3.0 plus SMSDesk's {@code GET /auth/tokens}, legacy aliases included. */
    static final List<Endpoint> ENDPOINTS = endpoints();

    private static List<Endpoint> endpoints() {
        List<Endpoint> e = new ArrayList<>(List.of(
                new Endpoint("POST /auth/token", "tokens:manage", "/auth/token", "{\"scopes\":[\"tokens:manage\"]}"),
                new Endpoint("DELETE /auth/token/{jti}", "tokens:manage", "/auth/token/" + UNKNOWN_ID, null),
                new Endpoint("GET /auth/tokens", "tokens:manage", "/auth/tokens", null),
                new Endpoint("GET /auth/token/{jti}/guards", "tokens:manage", "/auth/token/" + UNKNOWN_ID + "/guards",
                        null),
                new Endpoint("PUT /auth/token/{jti}/guards", "tokens:manage", "/auth/token/" + UNKNOWN_ID + "/guards",
                        "{}"),
                new Endpoint("GET /audit", "logs:read", "/audit", null),
                new Endpoint("POST /inbox/export", "messages:export", "/inbox/export", EXPORT),
                new Endpoint("GET /inbox", "inbox:list", "/inbox", null),
                new Endpoint("POST /inbox/refresh", "inbox:refresh", "/inbox/refresh", EXPORT),
                new Endpoint("GET /webhooks", "webhooks:list", "/webhooks", null),
                new Endpoint("POST /webhooks", "webhooks:write", "/webhooks", WEBHOOK),
                new Endpoint("DELETE /webhooks/{id}", "webhooks:delete", "/webhooks/" + UNKNOWN_ID, null),
                new Endpoint("GET /settings", "settings:read", "/settings", null),
                new Endpoint("PATCH /settings", "settings:write", "/settings", "{}"),
                new Endpoint("PUT /settings", "settings:write", "/settings", "{}"),
                new Endpoint("GET /logs", "logs:read", "/logs?limit=1", null)));
        for (String base : List.of("/messages", "/message")) {
            e.addAll(List.of(
                    new Endpoint("POST " + base, "messages:send", base, SEND),
                    new Endpoint("GET " + base, "messages:list", base, null),
                    new Endpoint("POST " + base + "/inbox/export", "messages:export", base + "/inbox/export", EXPORT),
                    new Endpoint("GET " + base + "/{id}", "messages:read", base + "/" + UNKNOWN_ID, null),
                    new Endpoint("DELETE " + base + "/{id}", "messages:cancel", base + "/" + UNKNOWN_ID, null)));
        }
        for (String base : List.of("/devices", "/device")) {
            e.addAll(List.of(
                    new Endpoint("GET " + base, "devices:list", base, null),
                    new Endpoint("DELETE " + base + "/{id}", "devices:delete", base + "/" + UNKNOWN_ID, null)));
        }
        return List.copyOf(e);
    }

    /** Every scope a client may request (contract §2.3 without the internal tokens:refresh). */
    static List<String> requestableScopes() {
        return List.of("all:any", "messages:send", "messages:read", "messages:list", "messages:cancel",
                "messages:export", "inbox:list", "inbox:refresh", "devices:list", "devices:delete", "webhooks:list",
                "webhooks:write", "webhooks:delete", "settings:read", "settings:write", "logs:read", "tokens:manage");
    }

    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    private static HttpResult call(Endpoint e, String authorization) {
        return gw.call(e.method(), e.path(), authorization, e.body());
    }

    /** Describes every endpoint whose answer does not match the expectation for these credentials. */
    private static List<String> mismatches(String authorization, Predicate<Endpoint> opens) {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            HttpResult r = call(e, authorization);
            if (opens.test(e)) {
                if (r.status() == 401 || r.status() == 403 || r.status() >= 500) {
                    wrong.add(e + ": expected to pass the scope check, got " + r);
                }
            } else if (r.status() != 403
                    || !r.json().path("message").asText().equals("scope required: " + e.scope())) {
                wrong.add(e + ": expected 403 scope required: " + e.scope() + ", got " + r);
            }
        }
        return wrong;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestableScopes")
    void aTokenWithOneScopeOpensExactlyTheEndpointsOfThatScope(String scope) {
        String token = gw.bearerWith(scope);

        List<String> wrong = mismatches(token, e -> scope.equals("all:any") || e.scope().equals(scope));

        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestableScopes")
    void noAccessTokenCanRefresh(String scope) {
        HttpResult r = gw.post("/auth/token/refresh", gw.bearerWith(scope), null);

        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.json().path("message").asText()).isEqualTo("scope required: tokens:refresh");
    }

    @Test
    void basicAuthOpensEveryEndpoint() {
        assertThat(mismatches(adminBasic(), e -> true)).isEmpty();
    }

    @Test
    void everyScopeIsOpenedByAtLeastOneEndpoint() {
        assertThat(ENDPOINTS.stream().map(Endpoint::scope).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(requestableScopes().stream()
                        .filter(s -> !s.equals("all:any")).toList());
    }

    @Test
    void theRequestableScopesAreTheContractsList() {
        assertThat(Scopes.requestableNames()).containsExactlyInAnyOrderElementsOf(requestableScopes());
    }

    @Test
    void theTableCoversEveryScopedRouteOfTheRouteTable() {
        // Handlers are never invoked here; the table only needs instances to point at.
        RouteTable.Handlers handlers = new RouteTable.Handlers(new HealthHandlers(null), new TokenHandlers(null, null),
                new MessageHandlers(null), new InboxHandlers(null), new DeviceHandlers(null),
                new WebhookHandlers(null), new SettingsHandlers(null), new LogHandlers(null));
        List<String> routed = RouteTable.thirdParty(handlers).stream()
                .filter(r -> r.auth() == Route.Auth.API)
                .map(r -> r.method() + " " + r.path() + " -> " + r.scope()).toList();

        assertThat(routed).containsExactlyInAnyOrderElementsOf(
                ENDPOINTS.stream().map(e -> e.template() + " -> " + e.scope()).toList());
        assertThat(RouteTable.thirdParty(handlers)).filteredOn(r -> r.auth() == Route.Auth.SELF)
                .extracting(r -> r.method() + " " + r.path() + " -> " + r.scope())
                .containsExactly("POST /auth/token/refresh -> tokens:refresh");
    }
}

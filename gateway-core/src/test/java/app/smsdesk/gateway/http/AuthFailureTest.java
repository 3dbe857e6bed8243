package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.testing.AuthAssertions.assertUnauthorized;
import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.basic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static app.smsdesk.gateway.testing.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.TestJwts;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way credentials can be wrong ends in the same dull 401 with {@code WWW-Authenticate}; forged tokens are
 * built with the gateway's real key so each case differs from a valid token in exactly one respect.
 */
class AuthFailureTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();
    /** A genuine token: the template every forged token is derived from. */
    static String genuine;

    @BeforeAll
    static void start() {
        // A day: the clock moves a minute per test (below).
        genuine = gw.post("/auth/token", adminBasic(), json(Map.of("scopes", List.of("messages:list",
                "messages:send"), "ttl", 86_400))).json().path("access_token").asText();
    }

    @BeforeEach
    void fullFailureAllowance() {
        // Every case may fail a few Basic logins from 127.0.0.1; a minute refills the address's allowance, so
        // the answers here stay 401 rather than the throttle's 429 (BruteForceTest covers that).
        gw.clock().advance(Duration.ofMinutes(1));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the genuine token's claims, changed, re-signed with the gateway's own HS256 key. */
    private static String resigned(Consumer<JwtClaims> change) {
        return TestJwts.signReal(gw, TestJwts.changed(genuine, change));
    }

    private static Instant now() {
        return gw.clock().instant();
    }

    private static EllipticCurveJsonWebKey foreignEcKey() {
        try {
            return EcJwkGenerator.generateJwk(EllipticCurves.P256);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> badCredentials() {
        return Stream.of(
                Arguments.of("missing header", (Supplier<String>) () -> null),
                Arguments.of("empty header", (Supplier<String>) () -> ""),
                Arguments.of("unknown scheme", (Supplier<String>) () -> "Digest username=\"admin\""),
                Arguments.of("scheme only", (Supplier<String>) () -> "Basic"),
                Arguments.of("token without scheme", (Supplier<String>) () -> genuine),
                Arguments.of("Basic: bad base64", (Supplier<String>) () -> "Basic %%%not-base64%%%"),
                Arguments.of("Basic: no colon", (Supplier<String>) () -> "Basic " + b64(TestGateway.ADMIN
                        + TestGateway.PASSWORD)),
                Arguments.of("Basic: empty", (Supplier<String>) () -> "Basic " + b64(":")),
                Arguments.of("Basic: wrong password", (Supplier<String>) () -> basic(TestGateway.ADMIN,
                        TestGateway.PASSWORD + "x")),
                Arguments.of("Basic: password prefix", (Supplier<String>) () -> basic(TestGateway.ADMIN,
                        TestGateway.PASSWORD.substring(0, 10))),
                Arguments.of("Basic: unknown user", (Supplier<String>) () -> basic("nobody", TestGateway.PASSWORD)),
                Arguments.of("Basic: login case differs", (Supplier<String>) () -> basic("ADMIN",
                        TestGateway.PASSWORD)),
                Arguments.of("Bearer: empty", (Supplier<String>) () -> "Bearer "),
                Arguments.of("Bearer: garbage", (Supplier<String>) () -> "Bearer not.a.jwt"),
                Arguments.of("Bearer: Basic credentials", (Supplier<String>) () -> "Bearer "
                        + b64(TestGateway.ADMIN + ":" + TestGateway.PASSWORD)),
                Arguments.of("JWT: first signature char changed", (Supplier<String>) () ->
                        bearer(TestJwts.tamperSignature(genuine))),
                Arguments.of("JWT: signature removed", (Supplier<String>) () ->
                        bearer(genuine.substring(0, genuine.lastIndexOf('.') + 1))),
                Arguments.of("JWT: payload widened to all:any", (Supplier<String>) () ->
                        bearer(TestJwts.tamperPayload(genuine, p -> p.putArray("scopes").add("all:any")))),
                Arguments.of("JWT: payload expiry extended", (Supplier<String>) () ->
                        bearer(TestJwts.tamperPayload(genuine, p -> p.put("exp", p.path("exp").asLong() + 86_400)))),
                Arguments.of("JWT: alg none", (Supplier<String>) () ->
                        bearer(TestJwts.unsigned(TestJwts.changed(genuine, c -> { })))),
                Arguments.of("JWT: HS512 with the real key", (Supplier<String>) () -> bearer(TestJwts.sign(
                        TestJwts.changed(genuine, c -> { }), AlgorithmIdentifiers.HMAC_SHA512,
                        TestJwts.realKey(gw)))),
                Arguments.of("JWT: HS256 with another key", (Supplier<String>) () -> bearer(TestJwts.sign(
                        TestJwts.changed(genuine, c -> { }), AlgorithmIdentifiers.HMAC_SHA256,
                        new HmacKey("another-32-byte-secret-key-00000".getBytes(StandardCharsets.UTF_8))))),
                Arguments.of("JWT: ES256 with a foreign key", (Supplier<String>) () -> bearer(TestJwts.sign(
                        TestJwts.changed(genuine, c -> { }), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        foreignEcKey().getPrivateKey()))),
                Arguments.of("JWT: expired", (Supplier<String>) () -> bearer(resigned(c -> {
                    c.setIssuedAt(TestJwts.seconds(now().minusSeconds(7200)));
                    c.setExpirationTime(TestJwts.seconds(now().minusSeconds(60)));
                }))),
                Arguments.of("JWT: without exp", (Supplier<String>) () -> bearer(resigned(
                        c -> c.unsetClaim("exp")))),
                Arguments.of("JWT: iat in the future", (Supplier<String>) () -> bearer(resigned(c -> {
                    c.setIssuedAt(TestJwts.seconds(now().plusSeconds(3600)));
                    c.setExpirationTime(TestJwts.seconds(now().plusSeconds(7200)));
                }))),
                Arguments.of("JWT: wrong issuer", (Supplier<String>) () -> bearer(resigned(
                        c -> c.setIssuer("someone-else")))),
                Arguments.of("JWT: no issuer", (Supplier<String>) () -> bearer(resigned(
                        c -> c.unsetClaim("iss")))),
                Arguments.of("JWT: empty user_id", (Supplier<String>) () -> bearer(resigned(
                        c -> c.setClaim("user_id", "")))),
                Arguments.of("JWT: no user_id", (Supplier<String>) () -> bearer(resigned(
                        c -> c.unsetClaim("user_id")))),
                Arguments.of("JWT: revoked", (Supplier<String>) () -> {
                    JsonNode t = gw.mint(List.of("messages:list"));
                    gw.delete("/auth/token/" + t.path("id").asText(), adminBasic());
                    return bearer(t.path("access_token").asText());
                }),
                Arguments.of("JWT: account deleted", (Supplier<String>) () -> {
                    String login = "doomed" + DOOMED.incrementAndGet();
                    gw.services().accounts().createAccount(login, "doomed-account-password");
                    String token = gw.post("/auth/token", basic(login, "doomed-account-password"),
                            json(Map.of("scopes", List.of("messages:list")))).json().path("access_token").asText();
                    gw.services().accounts().deleteAccount(login);
                    return bearer(token);
                }),
                Arguments.of("JWT: account that never existed, real key", (Supplier<String>) () -> bearer(resigned(
                        c -> {
                            c.setClaim("user_id", "ghost");
                            c.setSubject("ghost");
                        }))),
                Arguments.of("JWT: 64 KiB of garbage", (Supplier<String>) () -> "Bearer " + "a".repeat(64 * 1024)),
                Arguments.of("JWT: 64 KiB claim, real key", (Supplier<String>) () -> bearer(resigned(
                        c -> c.setClaim("padding", "x".repeat(64 * 1024))))),
                Arguments.of("JWT: header not JSON, real key", (Supplier<String>) () -> bearer(
                        TestJwts.withRawHeader("{not json", payloadJson(), TestJwts.realKeyBytes(gw.dataDir())))),
                Arguments.of("JWT: header garbage bytes", (Supplier<String>) () -> bearer("!!~~." + genuine.substring(
                        genuine.indexOf('.') + 1))),
                Arguments.of("JWT: alg NONE in capitals", (Supplier<String>) () -> bearer(
                        TestJwts.withRawHeader("{\"alg\":\"NONE\"}", payloadJson(), new byte[32])
                                .replaceAll("\\.[^.]*$", "."))),
                Arguments.of("JWT: unknown critical header, real key", (Supplier<String>) () -> bearer(
                        TestJwts.withRawHeader("{\"alg\":\"HS256\",\"crit\":[\"x-smsdesk\"],\"x-smsdesk\":1}",
                                payloadJson(), TestJwts.realKeyBytes(gw.dataDir())))),
                Arguments.of("JWT: five segments", (Supplier<String>) () -> bearer(genuine + ".AAAA.BBBB")),
                Arguments.of("JWT: exp is a string", (Supplier<String>) () -> bearer(resigned(
                        c -> c.setClaim("exp", "tomorrow")))),
                Arguments.of("JWT: scopes is a string", (Supplier<String>) () -> bearer(resigned(
                        c -> c.setClaim("scopes", "all:any")))));
    }

    private static final AtomicInteger DOOMED = new AtomicInteger();

    /** The genuine token's claims with a fresh jti, as JSON. */
    private static String payloadJson() {
        return TestJwts.changed(genuine, c -> { }).toJson();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void badCredentialsGetADull401(String name, Supplier<String> authorization) {
        String header = authorization.get();

        assertUnauthorized(gw.get("/messages", header));
        assertUnauthorized(gw.post("/auth/token", header, json(Map.of("scopes", List.of("all:any")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void badCredentialsOnAnUnknownPathGet401Before404(String name, Supplier<String> authorization) {
        String header = authorization.get();
        assertUnauthorized(gw.get("/no/such/path", header));
        assertUnauthorized(gw.get(gw.baseUrl() + "/api/3rdparty/v1/no/such/path", header));
        assertUnauthorized(gw.call("PATCH", "/messages", header, "{}"));
    }

    @Test
    void theForgeryHelpersProduceAcceptedTokensWhenNothingIsWrong() {
        // Guards the table above: a re-signed copy of a genuine token is accepted, so each 401 comes from the one
        // thing that case changes.
        assertThat(gw.get("/messages", bearer(resigned(c -> { }))).status()).isEqualTo(200);
        assertThat(gw.get("/messages", bearer(genuine)).status()).isEqualTo(200);
        assertThat(gw.get("/messages", adminBasic()).status()).isEqualTo(200);
        assertThat(gw.get("/messages", "bAsIc " + b64(TestGateway.ADMIN + ":" + TestGateway.PASSWORD)).status())
                .as("scheme names are case-insensitive").isEqualTo(200);
        assertThat(gw.get("/messages", "bearer " + genuine).status()).isEqualTo(200);
    }

    @Test
    void withValidCredentialsAnUnknownPathIs404() {
        assertThat(gw.get("/no/such/path", adminBasic()).status()).isEqualTo(404);
        assertThat(gw.get("/no/such/path", bearer(genuine)).status()).isEqualTo(404);
        assertThat(gw.get(gw.baseUrl() + "/api/3rdparty/v1/no/such/path", adminBasic()).status()).isEqualTo(404);
        assertThat(gw.call("PATCH", "/messages", adminBasic(), "{}").status()).isEqualTo(405);
    }

    @Test
    void healthNeedsNoCredentials() {
        assertThat(gw.get("/health", null).status()).isEqualTo(200);
        assertThat(gw.get("/health", "Basic garbage").status()).isEqualTo(200);
    }

    @Test
    void aTokenStopsWorkingOnceTheClockPassesItsExpiry() {
        HttpResult minted = gw.post("/auth/token", adminBasic(),
                json(Map.of("scopes", List.of("messages:list"), "ttl", 60)));
        String token = bearer(minted.json().path("access_token").asText());
        Instant expiry = Instant.parse(minted.json().path("expires_at").asText());
        assertThat(gw.get("/messages", token).status()).isEqualTo(200);

        gw.clock().set(expiry.minusMillis(1));
        assertThat(gw.get("/messages", token).status()).as("valid until its expiry").isEqualTo(200);

        gw.clock().advance(Duration.ofSeconds(2));
        assertUnauthorized(gw.get("/messages", token));
        assertThat(gw.get("/messages", adminBasic()).status()).as("Basic is unaffected").isEqualTo(200);
    }

    @Test
    void theUnauthorizedBodyIsTheSameWhateverWentWrong() {
        List<String> bodies = Stream.of(null, "Basic " + b64("admin:nope"), "Bearer x.y.z",
                        bearer(TestJwts.tamperSignature(genuine)))
                .map(h -> gw.get("/messages", h)).map(HttpResult::body).distinct().toList();

        assertThat(bodies).hasSize(1);
    }
}

package app.smsdesk.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Builds and damages JWTs the way an attacker (or a buggy client) would: re-signed with the gateway's own key
 * read from its data directory, signed with other algorithms or keys, unsigned, or tampered with in transit.
 */
public final class TestJwts {
    /** The file in the data directory that holds the HS256 key (base64). */
    public static final String KEY_FILE = "jwt-hs256.key";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private TestJwts() {
    }

    /** The gateway's real signing key. */
    public static HmacKey realKey(TestGateway gw) {
        return new HmacKey(realKeyBytes(gw.dataDir()));
    }

    public static byte[] realKeyBytes(Path dataDir) {
        try {
            return Base64.getDecoder().decode(Files.readString(dataDir.resolve(KEY_FILE)).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claims of a (gateway-issued) token, to copy and change. */
    public static JwtClaims claimsOf(String jwt) {
        try {
            return JwtClaims.parse(payload(jwt).toString());
        } catch (org.jose4j.jwt.consumer.InvalidJwtException e) {
            throw new IllegalArgumentException("not a JWT payload", e);
        }
    }

    /** The decoded payload of a compact JWS. */
    public static JsonNode payload(String jwt) {
        return decodePart(jwt.split("\\.", -1)[1]);
    }

    /** The decoded header of a compact JWS. */
    public static JsonNode header(String jwt) {
        return decodePart(jwt.split("\\.", -1)[0]);
    }

    /**
     * A copy of {@code jwt}'s claims, changed by {@code change}. The jti stays (unless the change sets one): the
     * gateway accepts only ids in its token inventory, and a fresh one would make every forgery fail for that
     * reason alone.
     */
    public static JwtClaims changed(String jwt, Consumer<JwtClaims> change) {
        JwtClaims c = claimsOf(jwt);
        change.accept(c);
        return c;
    }

    /** Signs claims with an algorithm and key of the caller's choice. */
    public static String sign(JwtClaims claims, String algorithm, Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs claims with HS256 and the gateway's own key: a token the gateway would accept if the claims are. */
    public static String signReal(TestGateway gw, JwtClaims claims) {
        return sign(claims, AlgorithmIdentifiers.HMAC_SHA256, realKey(gw));
    }

    /** An unsecured JWS ({@code alg: none}, empty signature). */
    public static String unsigned(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Changes the FIRST character of the signature. Never the last: an HS256 signature's last base64url character
     * carries two unused bits, so some replacements decode to the same signature and the token stays valid.
     */
    public static String tamperSignature(String jwt) {
        int dot = jwt.lastIndexOf('.');
        char first = jwt.charAt(dot + 1);
        char replacement = first == 'A' ? 'B' : 'A';
        return jwt.substring(0, dot + 1) + replacement + jwt.substring(dot + 2);
    }

    /** Replaces the payload (changed by {@code change}) but keeps the original header and signature. */
    public static String tamperPayload(String jwt, Consumer<ObjectNode> change) {
        String[] parts = jwt.split("\\.", -1);
        ObjectNode payload = (ObjectNode) decodePart(parts[1]);
        change.accept(payload);
        String encoded = B64URL.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + encoded + "." + parts[2];
    }

    /**
     * A compact JWS with exactly this header text (any bytes, JSON or not) and payload, HMAC-SHA256-signed with
     * {@code key}: a token whose only fault is its header.
     */
    public static String withRawHeader(String header, String payloadJson, byte[] key) {
        String signingInput = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return signingInput + "." + B64URL.encodeToString(mac.doFinal(
                    signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static NumericDate seconds(Instant instant) {
        return NumericDate.fromSeconds(instant.getEpochSecond());
    }

    private static JsonNode decodePart(String part) {
        try {
            return MAPPER.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

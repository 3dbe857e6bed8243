package app.smsdesk.gateway.auth;

import app.smsdesk.gateway.domain.UnauthorizedException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the claims of a correctly signed token payload, strictly: one JSON object, no duplicate names, times as
 * whole seconds within the years 1970 to 9999, lists of strings without nulls. Anything else is a 401 (never a
 * 500: a holder of the key, or a future bug in signing, must not be able to crash a request with an odd claim).
 */
final class JwtClaimsReader {
    /** 9999-12-31T23:59:59Z: beyond that, milliseconds arithmetic and {@code Instant} are no longer safe. */
    static final long MAX_SECONDS = 253_402_300_799L;
    static final int MAX_LIST = 64;
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The claims the gateway uses; {@code null} where a claim is absent. */
    record Read(String jti, String issuer, String userId, List<String> scopes, List<String> originalScopes,
                long issuedAt, long expiresAt, Long notBefore, List<String> audience) {
    }

    private JwtClaimsReader() {
    }

    static Read read(byte[] payload) {
        try (JsonParser p = JSON.createParser(payload)) {
            Read read = readObject(p);
            if (p.nextToken() != null) {
                throw malformed("content after the claims");
            }
            return read;
        } catch (IOException e) {
            // Includes duplicate names; the parser's message may quote claim values, so it is not passed on.
            throw malformed("not a JSON object with distinct claim names");
        }
    }

    private static Read readObject(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw malformed("not a JSON object");
        }
        String jti = null;
        String iss = null;
        String userId = null;
        List<String> scopes = List.of();
        List<String> original = List.of();
        Long iat = null;
        Long exp = null;
        Long nbf = null;
        List<String> aud = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "jti" -> jti = string(p, name);
                case "iss" -> iss = string(p, name);
                case "user_id" -> userId = string(p, name);
                case "scopes" -> scopes = strings(p, name);
                case "original_scopes" -> original = strings(p, name);
                case "iat" -> iat = seconds(p, name);
                case "exp" -> exp = seconds(p, name);
                case "nbf" -> nbf = seconds(p, name);
                case "aud" -> aud = p.currentToken() == JsonToken.VALUE_STRING ? List.of(p.getText())
                        : strings(p, name);
                default -> p.skipChildren();
            }
        }
        if (exp == null || iat == null || jti == null || jti.isEmpty()) {
            throw new UnauthorizedException("JWT without exp, iat or jti");
        }
        if (userId == null || userId.isEmpty()) {
            throw new UnauthorizedException("JWT without user_id");
        }
        return new Read(jti, iss, userId, scopes, original, iat, exp, nbf, aud);
    }

    private static String string(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw malformed(name + " is not a string");
        }
        return p.getText();
    }

    private static List<String> strings(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw malformed(name + " is not a list of strings");
        }
        List<String> values = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            if (values.size() == MAX_LIST) {
                throw malformed(name + " has more than " + MAX_LIST + " entries");
            }
            values.add(p.getText());
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw malformed(name + " is not a list of strings");
        }
        return List.copyOf(values);
    }

    private static long seconds(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
                || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw malformed(name + " is not a whole number of seconds");
        }
        long v = p.getLongValue();
        if (v < 0 || v > MAX_SECONDS) {
            throw malformed(name + " is out of range");
        }
        return v;
    }

    private static UnauthorizedException malformed(String what) {
        return new UnauthorizedException("malformed JWT claim: " + what);
    }
}

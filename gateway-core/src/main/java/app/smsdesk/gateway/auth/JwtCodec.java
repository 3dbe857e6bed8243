package app.smsdesk.gateway.auth;

import app.smsdesk.gateway.domain.UnauthorizedException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Signs and verifies the gateway's HS256 JWTs with the claims the SMSGate server uses
 * ({@code jti iss sub iat exp user_id scopes}, plus {@code original_scopes} on refresh tokens).
 */
public final class JwtCodec {
    static final int MAX_TOKEN_CHARS = 8 * 1024;
    private final HmacKey key;
    private final String issuer;
    private final Clock clock;
    private final JwtConsumer consumer;
    private final VerifiedTokens verified = new VerifiedTokens(VerifiedTokens.DEFAULT_CAPACITY);

    /** A verified token's claims. */
    public record Claims(String jti, String userId, List<String> scopes, List<String> originalScopes,
                         Instant issuedAt, Instant expiresAt) {
    }

    public JwtCodec(byte[] secret, String issuer, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the HS256 key needs at least 32 bytes");
        }
        this.key = new HmacKey(secret);
        this.issuer = issuer;
        this.clock = clock;
        // Signature and algorithm only (HS256; "none" and every other algorithm are refused); claims below.
        this.consumer = new JwtConsumerBuilder()
                .setSkipAllValidators()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.HMAC_SHA256)
                .setRelaxVerificationKeyValidation()
                .build();
    }

    public String sign(String jti, String userId, List<String> scopes, List<String> originalScopes,
                       Instant issuedAt, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setJwtId(jti);
        claims.setIssuer(issuer);
        claims.setSubject(userId);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setClaim("user_id", userId);
        claims.setStringListClaim("scopes", scopes);
        if (originalScopes != null) {
            claims.setStringListClaim("original_scopes", originalScopes);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
    }

    /**
     * Verifies signature (HS256 only), issuer, expiry and iat; throws 401 with the reason for the log.
     *
     * <p>A program sends the same token with every request for its whole lifetime, so a token that passed once is
     * remembered (under a SHA-256 of it, like repeated Basic credentials): a repeat costs a hash and the time
     * checks instead of a signature check and two JSON parses. Revocation is checked by the caller every time.
     */
    public Claims verify(String token) {
        if (token.length() > MAX_TOKEN_CHARS) {
            // Ours are well under 1 KiB; a bigger one is not parsed at all.
            throw new UnauthorizedException("oversized JWT (" + token.length() + " characters)");
        }
        String key = VerifiedTokens.key(token);
        Claims known = verified.get(key);
        if (known != null) {
            checkTimes(known.expiresAt().toEpochMilli(), known.issuedAt().toEpochMilli());
            return known;
        }
        Claims claims = verifyFully(token);
        verified.put(key, claims, clock.millis());
        return claims;
    }

    private Claims verifyFully(String token) {
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new UnauthorizedException("invalid JWT: " + describe(e));
        }
        try {
            return checkClaims(claims);
        } catch (MalformedClaimException e) {
            throw new UnauthorizedException("malformed JWT claim: " + e.getMessage());
        }
    }

    // Time and issuer are checked here against the injected clock, so the consumer can be built once.
    private Claims checkClaims(JwtClaims claims) throws MalformedClaimException {
        if (claims.getExpirationTime() == null || claims.getIssuedAt() == null || claims.getJwtId() == null) {
            throw new UnauthorizedException("JWT without exp, iat or jti");
        }
        checkTimes(claims.getExpirationTime().getValueInMillis(), claims.getIssuedAt().getValueInMillis());
        if (!issuer.equals(claims.getIssuer())) {
            throw new UnauthorizedException("JWT with wrong issuer");
        }
        String userId = claims.getClaimValueAsString("user_id");
        if (userId == null || userId.isEmpty()) {
            throw new UnauthorizedException("JWT without user_id");
        }
        List<String> scopes = claims.hasClaim("scopes") ? claims.getStringListClaimValue("scopes") : List.of();
        List<String> original = claims.hasClaim("original_scopes")
                ? claims.getStringListClaimValue("original_scopes") : List.of();
        return new Claims(claims.getJwtId(), userId, scopes, original,
                Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
    }

    private void checkTimes(long expiresAtMillis, long issuedAtMillis) {
        long nowMillis = clock.millis();
        if (expiresAtMillis <= nowMillis) {
            throw new UnauthorizedException("expired JWT");
        }
        if (issuedAtMillis > nowMillis + 1000) {
            throw new UnauthorizedException("JWT issued in the future");
        }
    }

    private static String describe(InvalidJwtException e) {
        // Only the failed check is named: jose4j's own messages can quote the token's contents.
        if (e.getErrorDetails() == null || e.getErrorDetails().isEmpty()) {
            return "unparseable";
        }
        int code = e.getErrorDetails().get(0).getErrorCode();
        return switch (code) {
            case ErrorCodes.EXPIRED -> "expired";
            case ErrorCodes.SIGNATURE_INVALID -> "bad signature";
            case ErrorCodes.ISSUER_INVALID, ErrorCodes.ISSUER_MISSING -> "wrong issuer";
            case ErrorCodes.EXPIRATION_MISSING -> "no expiry";
            default -> "check failed (jose4j code " + code + ")";
        };
    }
}

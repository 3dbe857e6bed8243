package app.smsdesk.gateway.auth;

import app.smsdesk.gateway.domain.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Signs and verifies the gateway's HS256 JWTs with the claims the SMSGate server uses
 * ({@code jti iss sub iat exp user_id scopes}, plus {@code original_scopes} on refresh tokens).
 *
 * <p>Tokens are signed by jose4j. Verification accepts exactly what this codec issues, in exactly one encoding:
 * the header segment must be the one the gateway writes ({@code alg} HS256, {@code typ} JWT, nothing else, so no
 * {@code kid}, {@code jku}, {@code crit}, {@code cty} or nested token can even be parsed), and the signature
 * segment must equal the canonical unpadded base64url of the HMAC, compared in constant time. A lenient base64
 * decoder would accept padding, the standard alphabet and the unused low bits of the last character, giving one
 * token several spellings (which secret scanners, deny-lists and the verified-token memory would each see as a
 * different token); comparing encoded strings leaves one. Only a correctly signed payload is parsed at all
 * ({@link JwtClaimsReader}). This is also several times faster than a general JOSE consumer, which matters for a
 * program's first request with a new token.
 */
public final class JwtCodec {
    static final int MAX_TOKEN_CHARS = 8 * 1024;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final HmacKey key;
    private final SecretKeySpec macKey;
    private final ThreadLocal<Mac> macs;
    private final String issuer;
    private final Clock clock;
    /** The header segment of every token this codec signs; a token with any other header is not ours. */
    private final String headerSegment;
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
        this.macKey = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.issuer = issuer;
        this.clock = clock;
        String sample = sign("sample", "sample", List.of(), null, Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        this.headerSegment = sample.substring(0, sample.indexOf('.'));
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
     * Verifies the encoding, signature, issuer, expiry, iat, nbf and aud; throws 401 with the reason for the log.
     *
     * <p>A program sends the same token with every request for its whole lifetime, so a token that passed once is
     * remembered (under a SHA-256 of it, like repeated Basic credentials): a repeat costs a hash and the time
     * checks instead of a signature check and a JSON parse. Revocation is checked by the caller every time.
     */
    public Claims verify(String token) {
        if (token.length() > MAX_TOKEN_CHARS) {
            // Ours are well under 1 KiB; a bigger one is not parsed at all.
            throw new UnauthorizedException("oversized JWT (" + token.length() + " characters)");
        }
        String memoryKey = VerifiedTokens.key(token);
        Claims known = verified.get(memoryKey);
        if (known != null) {
            checkTimes(known.expiresAt().getEpochSecond(), known.issuedAt().getEpochSecond(), known.jti());
            return known;
        }
        Claims claims = verifyFully(token);
        verified.put(memoryKey, claims, clock.millis());
        return claims;
    }

    private Claims verifyFully(String token) {
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw new UnauthorizedException("invalid JWT: not a compact JWS of three parts");
        }
        if (firstDot != headerSegment.length() || !token.startsWith(headerSegment)) {
            throw new UnauthorizedException("invalid JWT: not a header this gateway issues");
        }
        if (!isBase64Url(token, firstDot + 1, secondDot)) {
            throw new UnauthorizedException("invalid JWT: payload is not unpadded base64url");
        }
        checkSignature(token, secondDot);
        JwtClaimsReader.Read read = JwtClaimsReader.read(decode(token.substring(firstDot + 1, secondDot)));
        if (!issuer.equals(read.issuer())) {
            throw new UnauthorizedException("JWT with wrong issuer");
        }
        if (read.audience() != null && !read.audience().contains(issuer)) {
            throw new UnauthorizedException("JWT for another audience");
        }
        checkTimes(read.expiresAt(), read.issuedAt(), read.jti());
        if (read.notBefore() != null && read.notBefore() * 1000 > clock.millis() + 1000) {
            throw new UnauthorizedException("JWT not valid yet (nbf)", "not-yet-valid", read.jti());
        }
        return new Claims(read.jti(), read.userId(), read.scopes(), read.originalScopes(),
                Instant.ofEpochSecond(read.issuedAt()), Instant.ofEpochSecond(read.expiresAt()));
    }

    private void checkSignature(String token, int secondDot) {
        byte[] signingInput = token.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = B64URL.encode(macs.get().doFinal(signingInput));
        byte[] given = token.substring(secondDot + 1).getBytes(StandardCharsets.ISO_8859_1);
        // Comparing the canonical encoding (not decoded bytes) refuses every other spelling of the signature.
        if (!MessageDigest.isEqual(expected, given)) {
            throw new UnauthorizedException("invalid JWT: bad signature");
        }
    }

    /** The signature held, so a refusal here names the token ({@code jti}). */
    private void checkTimes(long expiresAtSeconds, long issuedAtSeconds, String jti) {
        long nowMillis = clock.millis();
        if (expiresAtSeconds * 1000 <= nowMillis) {
            throw new UnauthorizedException("expired JWT", "expired", jti);
        }
        if (issuedAtSeconds * 1000 > nowMillis + 1000) {
            throw new UnauthorizedException("JWT issued in the future", "not-yet-valid", jti);
        }
    }

    private static boolean isBase64Url(String s, int from, int to) {
        if (from >= to || (to - from) % 4 == 1) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static byte[] decode(String segment) {
        try {
            return Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException("invalid JWT: payload is not base64url");
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

package app.smsdesk.gateway.domain;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller: the account it acts for, its scopes, and the JWT id when it came with a token.
 *
 * @param userId the account login
 * @param scopes granted scopes ({@code all:any} for Basic auth)
 * @param tokenId the JWT's jti, or null for Basic auth and the console
 * @param method how the caller authenticated
 * @param address the client address the request came from ({@code console} for the console), for the audit trail
 */
public record Principal(String userId, Set<String> scopes, String tokenId, AuthMethod method, String address) {
    public Principal {
        Objects.requireNonNull(userId, "userId");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(method, "method");
        address = address == null ? "unknown" : address;
    }

    public Principal(String userId, Set<String> scopes, String tokenId, AuthMethod method) {
        this(userId, scopes, tokenId, method, null);
    }

    /** The in-process console acts with full rights for an account. */
    public static Principal console(String userId) {
        return new Principal(userId, Set.of(Scopes.ALL), null, AuthMethod.CONSOLE, "console");
    }

    /** Who minted something, as stored in the token inventory. */
    public String actor() {
        return switch (method) {
            case BASIC -> "basic:" + userId;
            case JWT -> "jwt:" + tokenId;
            case CONSOLE -> "console:" + userId;
        };
    }
}

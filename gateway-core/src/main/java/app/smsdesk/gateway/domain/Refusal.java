package app.smsdesk.gateway.domain;

import java.time.Instant;

/**
 * A request refused with 401 or 403 although it carried a genuine token: what the admin needs to answer "my
 * script stopped working".
 *
 * @param at when
 * @param tokenId the token's jti
 * @param reason expired, revoked, rolled, unknown, not-yet-valid, account, or {@code scope:<scope>} (a 403)
 * @param address the client's address
 * @param request method and path
 */
public record Refusal(Instant at, String tokenId, String reason, String address, String request) {
}

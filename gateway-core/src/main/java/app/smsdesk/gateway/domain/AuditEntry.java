package app.smsdesk.gateway.domain;

import java.time.Instant;

/**
 * One line of the audit trail: who changed what, from where.
 *
 * @param at when
 * @param userId the account it concerns, or null for the gateway as a whole
 * @param actor who did it ({@code basic:admin}, {@code jwt:<jti>}, {@code console:admin}, {@code command line})
 * @param address the client address ({@code console} for the console, {@code local} for the command line)
 * @param action what was done ("token minted", "settings changed", ...)
 * @param target what it was done to (a token id, a phone id, a webhook id), or null
 * @param detail the particulars, as {@code key=value; ...}
 */
public record AuditEntry(Instant at, String userId, String actor, String address, String action, String target,
                         String detail) {
}

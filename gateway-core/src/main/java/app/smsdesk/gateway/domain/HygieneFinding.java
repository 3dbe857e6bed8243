package app.smsdesk.gateway.domain;

import java.util.List;

/**
 * One suggestion of the token hygiene board.
 *
 * @param kind what is wrong
 * @param token the token it concerns (an active access token)
 * @param advice what to do about it, in the admin's words
 * @param narrowTo for {@link Kind#BROADER_SCOPES}: the scopes it actually used in the last 30 days, else empty
 */
public record HygieneFinding(Kind kind, TokenInfo token, String advice, List<String> narrowTo) {
    public HygieneFinding {
        narrowTo = List.copyOf(narrowTo);
    }

    /** The board's sections; each suggests one action. */
    public enum Kind {
        /** Minted more than a day ago and never used: revoke it. */
        NEVER_USED,
        /** Used once, but not in the last 30 days: revoke it. */
        UNUSED_30_DAYS,
        /** Expires within a week: roll it, so its program can switch over in the grace period. */
        EXPIRING_SOON,
        /** Holds scopes it did not use in 30 days: roll it into a token with only the scopes it used. */
        BROADER_SCOPES
    }
}

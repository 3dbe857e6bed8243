package app.smsdesk.gateway.domain;

/** How a third-party caller proved who it is. */
public enum AuthMethod {
    BASIC, JWT, CONSOLE
}

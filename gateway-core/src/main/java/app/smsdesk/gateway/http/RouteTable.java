package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.domain.Scopes.DEVICES_DELETE;
import static app.smsdesk.gateway.http.Route.Threads.PAGE_READ;
import static app.smsdesk.gateway.http.Route.Threads.POINT_READ;
import static app.smsdesk.gateway.domain.Scopes.DEVICES_LIST;
import static app.smsdesk.gateway.domain.Scopes.INBOX_LIST;
import static app.smsdesk.gateway.domain.Scopes.INBOX_REFRESH;
import static app.smsdesk.gateway.domain.Scopes.LOGS_READ;
import static app.smsdesk.gateway.domain.Scopes.MESSAGES_CANCEL;
import static app.smsdesk.gateway.domain.Scopes.MESSAGES_EXPORT;
import static app.smsdesk.gateway.domain.Scopes.MESSAGES_LIST;
import static app.smsdesk.gateway.domain.Scopes.MESSAGES_READ;
import static app.smsdesk.gateway.domain.Scopes.MESSAGES_SEND;
import static app.smsdesk.gateway.domain.Scopes.SETTINGS_READ;
import static app.smsdesk.gateway.domain.Scopes.SETTINGS_WRITE;
import static app.smsdesk.gateway.domain.Scopes.TOKENS_MANAGE;
import static app.smsdesk.gateway.domain.Scopes.TOKENS_REFRESH;
import static app.smsdesk.gateway.domain.Scopes.WEBHOOKS_DELETE;
import static app.smsdesk.gateway.domain.Scopes.WEBHOOKS_LIST;
import static app.smsdesk.gateway.domain.Scopes.WEBHOOKS_WRITE;
import static app.smsdesk.gateway.http.Route.api;
import static app.smsdesk.gateway.http.Route.device;
import static app.smsdesk.gateway.http.Route.open;
import static app.smsdesk.gateway.http.Route.self;

import java.util.ArrayList;
import java.util.List;

/** Every endpoint with its method, path and scope, in one place. */
public final class RouteTable {
    private RouteTable() {
    }

    /** The handlers the tables point at. */
    public record Handlers(HealthHandlers health, TokenHandlers tokens, MessageHandlers messages,
                           InboxHandlers inbox, DeviceHandlers devices, WebhookHandlers webhooks,
                           SettingsHandlers settings, LogHandlers logs) {
    }

    /** The third-party API, relative to {@code /3rdparty/v1} (also mounted under {@code /api}). */
    public static List<Route> thirdParty(Handlers h) {
        List<Route> r = new ArrayList<>(health(h.health()));
        r.addAll(List.of(
                api("POST", "/auth/token", TOKENS_MANAGE, h.tokens()::mint),
                self("POST", "/auth/token/refresh", TOKENS_REFRESH, h.tokens()::refresh), // exact, JWT only
                api("DELETE", "/auth/token/{jti}", TOKENS_MANAGE, h.tokens()::revoke),
                api("GET", "/auth/tokens", TOKENS_MANAGE, h.tokens()::inventory).on(PAGE_READ), // SMSDesk extension
                api("GET", "/auth/token/{jti}/guards", TOKENS_MANAGE, h.tokens()::guards), // SMSDesk extension
                api("PUT", "/auth/token/{jti}/guards", TOKENS_MANAGE, h.tokens()::setGuards), // SMSDesk extension

                api("POST", "/inbox/export", MESSAGES_EXPORT, h.inbox()::export), // client-ts calls this path
                api("GET", "/inbox", INBOX_LIST, h.inbox()::list).on(PAGE_READ),
                api("POST", "/inbox/refresh", INBOX_REFRESH, h.inbox()::refresh),

                api("GET", "/webhooks", WEBHOOKS_LIST, h.webhooks()::list),
                api("POST", "/webhooks", WEBHOOKS_WRITE, h.webhooks()::upsert),
                api("DELETE", "/webhooks/{id}", WEBHOOKS_DELETE, h.webhooks()::delete),

                api("GET", "/settings", SETTINGS_READ, h.settings()::get),
                api("PATCH", "/settings", SETTINGS_WRITE, h.settings()::patch),
                api("PUT", "/settings", SETTINGS_WRITE, h.settings()::replace),

                api("GET", "/logs", LOGS_READ, h.logs()::list).on(PAGE_READ),
                api("GET", "/audit", LOGS_READ, h.logs()::audit).on(PAGE_READ))); // SMSDesk extension
        for (String base : List.of("/messages", "/message")) { // "/message" is the legacy alias
            r.addAll(List.of(
                    api("POST", base, MESSAGES_SEND, h.messages()::send),
                    api("GET", base, MESSAGES_LIST, h.messages()::list).on(PAGE_READ),
                    api("POST", base + "/inbox/export", MESSAGES_EXPORT, h.inbox()::export), // deprecated
                    api("GET", base + "/{id}", MESSAGES_READ, h.messages()::get).on(POINT_READ),
                    api("DELETE", base + "/{id}", MESSAGES_CANCEL, h.messages()::cancel)));
        }
        for (String base : List.of("/devices", "/device")) { // "/device" is the legacy alias
            r.addAll(List.of(
                    api("GET", base, DEVICES_LIST, h.devices()::list),
                    api("DELETE", base + "/{id}", DEVICES_DELETE, h.devices()::delete)));
        }
        return List.copyOf(r);
    }

    /**
     * The phone API, relative to {@code /mobile/v1} (also mounted under {@code /api}). Device routes take the
     * phone's bearer token; registration, the login code and the inbound webhook receiver check their own
     * credentials (private token / Basic / code, Basic, and the webhook signature).
     */
    public static List<Route> mobile(MobileHandlers h) {
        List<Route> r = new ArrayList<>(List.of(
                self("POST", "/device", null, h::register),
                device("PATCH", "/device", h::update),
                open("GET", "/device", h::whoAmI), // token optional
                device("GET", "/webhooks", h::webhooks),
                device("GET", "/settings", h::settings),
                device("GET", "/events", h::events),
                self("GET", "/user/code", null, h::loginCode), // Basic
                device("PATCH", "/user/password", h::changePassword),
                self("POST", "/webhooks/incoming", null, h::inbound))); // X-Signature
        for (String base : List.of("/message", "/messages")) { // the app calls "/message"
            r.add(device("GET", base, h::pull));
            r.add(device("PATCH", base, h::report));
        }
        return List.copyOf(r);
    }

    /** Pairing downloads at the root, over plain HTTP too (a phone must fetch the CA before it trusts HTTPS). */
    public static List<Route> pairing(PairingHandlers h) {
        return List.of(
                open("GET", "/ca.crt", h::caCertificate),
                open("GET", "/ca.pem", h::caCertificatePem));
    }

    /** Probes served without credentials, at the root and under each API base. */
    public static List<Route> health(HealthHandlers h) {
        return List.of(
                open("GET", "/health", h::ready),
                open("GET", "/health/ready", h::ready),
                open("GET", "/health/live", h::live),
                open("GET", "/health/startup", h::startup));
    }
}

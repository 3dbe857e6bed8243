package app.smsdesk.gateway.http;

import app.smsdesk.gateway.service.SettingsService;

/** {@code /settings}: read, deep-merge (PATCH), replace (PUT). */
public final class SettingsHandlers {
    private final SettingsService settings;

    public SettingsHandlers(SettingsService settings) {
        this.settings = settings;
    }

    void get(ApiExchange ex) {
        ex.json(200, settings.get(ex.principal()));
    }

    void patch(ApiExchange ex) {
        ex.json(200, settings.patch(ex.principal(), ex.bodyTree()));
    }

    void replace(ApiExchange ex) {
        ex.json(200, settings.replace(ex.principal(), ex.bodyTree()));
    }
}

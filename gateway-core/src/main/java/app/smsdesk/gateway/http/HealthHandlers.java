package app.smsdesk.gateway.http;

import app.smsdesk.gateway.service.HealthService;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health[/ready|/live|/startup]}: 200 on pass or warn, 503 on fail. */
public final class HealthHandlers {
    private final HealthService health;

    public HealthHandlers(HealthService health) {
        this.health = health;
    }

    void ready(ApiExchange ex) {
        write(ex, health.ready());
    }

    void live(ApiExchange ex) {
        write(ex, health.live());
    }

    void startup(ApiExchange ex) {
        write(ex, health.startup());
    }

    private static void write(ApiExchange ex, HealthService.Health h) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", h.status());
        body.put("version", h.version());
        if (!h.checks().isEmpty()) {
            body.put("checks", h.checks());
        }
        ex.json(h.failed() ? 503 : 200, body);
    }
}

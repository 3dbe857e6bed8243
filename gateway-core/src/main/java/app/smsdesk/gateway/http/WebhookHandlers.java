package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.Webhook;
import app.smsdesk.gateway.service.WebhookService;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code /webhooks}: list, create or replace, delete. */
public final class WebhookHandlers {
    private final WebhookService webhooks;

    public WebhookHandlers(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** SMSGate's Webhook DTO; {@code deviceId} is always present, null for account-wide webhooks. */
    record WebhookView(String id, @JsonInclude(JsonInclude.Include.ALWAYS) String deviceId, String url,
                       String event) {
        static WebhookView of(Webhook w) {
            return new WebhookView(w.id(), w.deviceId(), w.url(), w.event());
        }
    }

    record WebhookBody(String id, String deviceId, String url, String event) {
    }

    void list(ApiExchange ex) {
        ex.json(200, webhooks.list(ex.principal()).stream().map(WebhookView::of).toList());
    }

    void upsert(ApiExchange ex) {
        WebhookBody b = ex.body(WebhookBody.class);
        ex.json(201, WebhookView.of(webhooks.upsert(ex.principal(), b.id(), b.deviceId(), b.url(), b.event())));
    }

    void delete(ApiExchange ex) {
        webhooks.delete(ex.principal(), ex.pathParam("id"));
        ex.empty(204);
    }
}

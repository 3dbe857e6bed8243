package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.InboxQuery;
import app.smsdesk.gateway.domain.IncomingMessage;
import app.smsdesk.gateway.domain.Page;
import app.smsdesk.gateway.service.InboxService;
import java.time.Instant;
import java.util.List;

/** {@code /inbox}, {@code /inbox/refresh} and the deprecated {@code /messages/inbox/export}. */
public final class InboxHandlers {
    private static final int PREVIEW = 160;

    private final InboxService inbox;

    public InboxHandlers(InboxService inbox) {
        this.inbox = inbox;
    }

    /** SMSGate's IncomingMessage, plus the full {@code content} and {@code deviceId}. */
    record IncomingView(String id, String type, String sender, String recipient, Integer simNumber,
                        String contentPreview, String content, String deviceId, Instant createdAt) {
        static IncomingView of(IncomingMessage m) {
            String preview = m.content().length() > PREVIEW ? m.content().substring(0, PREVIEW) : m.content();
            return new IncomingView(m.id(), m.type(), m.sender(), m.recipient(), m.simNumber(), preview, m.content(),
                    m.deviceId(), m.receivedAt());
        }
    }

    record RefreshBody(String since, String until, String deviceId, List<String> messageTypes,
                       String webhookDelivery, Boolean triggerWebhooks) {
    }

    void list(ApiExchange ex) {
        InboxQuery q = new InboxQuery(Params.string(ex, "type"), Params.string(ex, "deviceId"),
                Params.time(ex, "from"), Params.time(ex, "to"), null, Params.integer(ex, "limit", 50),
                Params.integer(ex, "offset", 0));
        Page<IncomingMessage> page = inbox.list(ex.principal(), q);
        ex.setHeader("X-Total-Count", Long.toString(page.total()));
        ex.json(200, page.items().stream().map(IncomingView::of).toList());
    }

    void refresh(ApiExchange ex) {
        inbox.refresh(ex.principal(), request(ex.body(RefreshBody.class), null));
        ex.empty(202);
    }

    /** Deprecated export: SMS only, delivered one webhook per message. */
    void export(ApiExchange ex) {
        RefreshBody b = ex.body(RefreshBody.class);
        inbox.refresh(ex.principal(), request(new RefreshBody(b.since(), b.until(), b.deviceId(), List.of("SMS"),
                "Individual", null), null));
        ex.setHeader("Deprecation", "true");
        ex.empty(202);
    }

    private static InboxService.RefreshRequest request(RefreshBody b, String forcedDelivery) {
        return new InboxService.RefreshRequest(
                b.since() == null ? null : WireTime.parse("since", b.since()),
                b.until() == null ? null : WireTime.parse("until", b.until()),
                b.deviceId(), b.messageTypes(), forcedDelivery != null ? forcedDelivery : b.webhookDelivery(),
                b.triggerWebhooks());
    }
}

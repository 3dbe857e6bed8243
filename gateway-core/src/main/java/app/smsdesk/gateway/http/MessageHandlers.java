package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.MessageQuery;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.Page;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.service.MessageService;
import app.smsdesk.gateway.service.SendRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /messages} (and the legacy {@code /message}): send, list, read, cancel. */
public final class MessageHandlers {
    private final MessageService messages;

    public MessageHandlers(MessageService messages) {
        this.messages = messages;
    }

    record TextPart(String text) {
    }

    record DataPart(String data, Integer port) {
    }

    /** SMSGate's Message DTO. Timestamps are strings so that a bad one is reported with its field name. */
    record SendBody(String id, String deviceId, String message, TextPart textMessage, DataPart dataMessage,
                    List<String> phoneNumbers, Boolean isEncrypted, Integer simNumber, Boolean withDeliveryReport,
                    Integer priority, Long ttl, String validUntil, String scheduleAt) {
    }

    void send(ApiExchange ex) {
        SendRequest request = toRequest(ex.body(SendBody.class), Params.bool(ex, "skipPhoneValidation"),
                Params.optionalInteger(ex, "deviceActiveWithin"));
        OutgoingMessage m = messages.send(ex.principal(), request);
        String base = ex.requestPath().startsWith("/api/") ? "/api/3rdparty/v1" : "/3rdparty/v1";
        ex.setHeader("Location", base + "/messages/" + URLEncoder.encode(m.id(), StandardCharsets.UTF_8));
        ex.json(202, MessageView.of(m, true));
    }

    /** The wire body and query options as the service's request. */
    static SendRequest toRequest(SendBody b, boolean skipPhoneValidation, Integer deviceActiveWithin) {
        return new SendRequest(b.id(), b.deviceId(), b.message(),
                b.textMessage() == null ? null : b.textMessage().text(),
                b.dataMessage() == null ? null : b.dataMessage().data(),
                b.dataMessage() == null ? null : b.dataMessage().port(),
                b.textMessage() != null, b.dataMessage() != null, b.phoneNumbers(), b.isEncrypted(), b.simNumber(),
                b.withDeliveryReport(), b.priority(), b.ttl(),
                b.validUntil() == null ? null : WireTime.parse("validUntil", b.validUntil()),
                b.scheduleAt() == null ? null : WireTime.parse("scheduleAt", b.scheduleAt()),
                skipPhoneValidation, deviceActiveWithin);
    }

    void list(ApiExchange ex) {
        MessageQuery q = new MessageQuery(Params.time(ex, "from"), Params.time(ex, "to"), state(ex),
                Params.string(ex, "deviceId"), null, Params.integer(ex, "limit", 50),
                Params.integer(ex, "offset", 0), ascending(ex));
        Page<OutgoingMessage> page = messages.list(ex.principal(), q);
        boolean content = Params.bool(ex, "includeContent");
        ex.setHeader("X-Total-Count", Long.toString(page.total()));
        ex.json(200, page.items().stream().map(m -> MessageView.of(m, content)).toList());
    }

    void get(ApiExchange ex) {
        ex.json(200, MessageView.of(messages.get(ex.principal(), ex.pathParam("id")), true));
    }

    void cancel(ApiExchange ex) {
        ex.json(200, MessageView.of(messages.cancel(ex.principal(), ex.pathParam("id")), true));
    }

    private static ProcessingState state(ApiExchange ex) {
        String s = Params.string(ex, "state");
        if (s == null) {
            return null;
        }
        return ProcessingState.parse(s).orElseThrow(() -> new ValidationException("state: must be one of "
                + Arrays.stream(ProcessingState.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    private static boolean ascending(ApiExchange ex) {
        String sort = Params.string(ex, "sort");
        if (sort == null || sort.equals("-created_at")) {
            return false;
        }
        if (sort.equals("created_at")) {
            return true;
        }
        throw new ValidationException("sort: must be created_at or -created_at");
    }
}

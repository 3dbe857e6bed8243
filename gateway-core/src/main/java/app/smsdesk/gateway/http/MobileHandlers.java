package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.SimCard;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.domain.Webhook;
import app.smsdesk.gateway.mobile.AppVersion;
import app.smsdesk.gateway.mobile.MessageSync;
import app.smsdesk.gateway.mobile.PhoneConfig;
import app.smsdesk.gateway.mobile.PhoneRegistry;
import app.smsdesk.gateway.mobile.PhoneTime;
import app.smsdesk.gateway.mobile.Phones;
import app.smsdesk.gateway.mobile.StateReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The phone API ({@code /mobile/v1}, mobile-sync §2.2): what the unmodified Android app calls. Shapes follow the
 * app's Gson classes exactly; every date has three fractional digits.
 */
public final class MobileHandlers {
    private final Phones phones;
    private final java.time.Clock clock;

    public MobileHandlers(Phones phones, java.time.Clock clock) {
        this.phones = phones;
        this.clock = clock;
    }

    record RegisterBody(String name, String pushToken, List<SimCard> simCards) {
    }

    record RegisterView(String id, String token, String login, String password) {
    }

    record UpdateBody(String id, String pushToken, List<SimCard> simCards) {
    }

    record WhoAmIView(String externalIp, DeviceHandlers.DeviceView device) {
    }

    record WebhookView(String id, String url, String event, String deviceId) {
    }

    record CodeView(String code, Instant validUntil) {
    }

    record PasswordBody(String currentPassword, String newPassword) {
    }

    /** The app's {@code GatewayApi.Message}: {@code ttl} is also converted to {@code validUntil}. */
    record MessageView(String id, String message, MessageHandlers.TextPart textMessage,
                       MessageHandlers.DataPart dataMessage, List<String> phoneNumbers, Integer simNumber,
                       boolean withDeliveryReport, Boolean isEncrypted, Integer priority, Long ttl,
                       Instant validUntil, Instant scheduleAt, String state, Instant createdAt) {
        static MessageView of(OutgoingMessage m, Instant now) {
            boolean text = m.content().isText();
            Long ttl = m.validUntil() == null ? null
                    : Math.max(0, Duration.between(now, m.validUntil()).getSeconds());
            // The app reads priority into a Byte: anything outside -128..127 would fail the whole batch.
            int priority = Math.max(-128, Math.min(127, m.priority()));
            return new MessageView(m.id(), text ? m.content().text() : null,
                    text ? new MessageHandlers.TextPart(m.content().text()) : null,
                    text ? null : new MessageHandlers.DataPart(m.content().data(), m.content().port()),
                    m.recipients().stream().map(r -> r.phoneNumber()).toList(), m.simNumber(),
                    m.withDeliveryReport(), m.isEncrypted() ? Boolean.TRUE : null, priority == 0 ? null : priority,
                    ttl, m.validUntil(), m.scheduleAt(), m.state().name(), m.createdAt());
        }
    }

    void register(ApiExchange ex) {
        RegisterBody b = ex.rawBody().length == 0 ? new RegisterBody(null, null, null)
                : ex.body(RegisterBody.class);
        PhoneRegistry.Registered r = phones.registry().register(new PhoneRegistry.RegisterRequest(
                ex.header("Authorization"), b.name(), b.pushToken(), b.simCards(), ex.header("User-Agent"),
                ex.remoteAddress()));
        ex.json(201, new RegisterView(r.id(), r.token(), r.login(), r.password()));
    }

    void update(ApiExchange ex) {
        UpdateBody b = ex.body(UpdateBody.class);
        phones.registry().update(ex.device(), b.id(), b.pushToken(), b.simCards(), ex.header("User-Agent"));
        ex.empty(204);
    }

    /** Works without a token (the app asks this in local-server mode only, to show its public address). */
    void whoAmI(ApiExchange ex) {
        Device d = phones.registry().authenticate(ex.header("Authorization")).orElse(null);
        DeviceHandlers.DeviceView view = null;
        if (d != null) {
            view = new DeviceHandlers.DeviceView(d.id(), d.name(), d.createdAt(), d.updatedAt(), clock.instant(),
                    d.simCards().isEmpty() ? null : d.simCards());
        }
        ex.json(200, new WhoAmIView(ex.remoteAddress(), view));
    }

    void pull(ApiExchange ex) {
        String order = ex.query("order").filter(o -> !o.isEmpty()).orElse("lifo");
        if (!order.equals("lifo") && !order.equals("fifo")) {
            throw new ValidationException("order: must be lifo or fifo");
        }
        MessageSync.Pull pull = phones.sync().pull(ex.device(), order.equals("fifo"), app(ex));
        ex.json(200, pull.messages().stream().map(m -> MessageView.of(m, pull.at())).toList());
    }

    void report(ApiExchange ex) {
        JsonNode body = ex.bodyTree();
        if (!body.isArray()) {
            throw new ValidationException("request body: expected an array");
        }
        List<StateReport> reports = new ArrayList<>();
        for (JsonNode item : body) {
            parseReport(item).ifPresent(reports::add);
        }
        phones.sync().report(ex.device(), reports);
        ex.empty(204);
    }

    /** One item of {@code PATCH /message}; items that cannot be understood are skipped, never the whole body. */
    private java.util.Optional<StateReport> parseReport(JsonNode item) {
        String id = item.path("id").isTextual() ? item.path("id").textValue() : null;
        if (id == null || id.isEmpty() || id.length() > 36) {
            return java.util.Optional.empty();
        }
        ProcessingState state = state(item.path("state"));
        List<StateReport.Recipient> recipients = new ArrayList<>();
        for (JsonNode r : item.path("recipients")) {
            String phone = r.path("phoneNumber").isTextual() ? r.path("phoneNumber").textValue() : null;
            ProcessingState rs = state(r.path("state"));
            if (phone != null && rs != null) {
                recipients.add(new StateReport.Recipient(phone, rs,
                        r.path("error").isTextual() ? r.path("error").textValue() : null));
            }
        }
        Map<ProcessingState, Instant> history = new EnumMap<>(ProcessingState.class);
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, JsonNode>> it = item.path("states").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ProcessingState.parse(e.getKey()).ifPresent(s -> history.put(s,
                    PhoneTime.parse(e.getValue().isTextual() ? e.getValue().textValue() : null, now)));
        }
        if (state == null && recipients.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new StateReport(id, state, recipients, history));
    }

    private static ProcessingState state(JsonNode n) {
        return n.isTextual() ? ProcessingState.parse(n.textValue()).orElse(null) : null;
    }

    void webhooks(ApiExchange ex) {
        String path = HttpGateway.normalize(ex.requestPath());
        String base = ex.baseUrl() + path.substring(0, path.length() - "/webhooks".length());
        List<Webhook> list = phones.config().webhooksFor(ex.device(), app(ex), base + PhoneConfig.INBOUND_PATH);
        ex.json(200, list.stream().map(w -> new WebhookView(w.id(), w.url(), w.event(), w.deviceId())).toList());
    }

    void settings(ApiExchange ex) {
        ex.json(200, phones.config().settingsFor(ex.device()));
    }

    void events(ApiExchange ex) {
        phones.hub().open(ex.raw(), ex.device());
    }

    void loginCode(ApiExchange ex) {
        PhoneRegistry.LoginCode code = phones.registry().loginCode(ex.header("Authorization"), ex.remoteAddress());
        ex.json(200, new CodeView(code.code(), code.validUntil()));
    }

    void changePassword(ApiExchange ex) {
        PasswordBody b = ex.body(PasswordBody.class);
        phones.registry().changePassword(ex.device(), b.currentPassword(), b.newPassword(), ex.remoteAddress());
        ex.empty(204);
    }

    /** SMSDesk's own webhook receiver; authenticated by the signature, not a token. */
    void inbound(ApiExchange ex) {
        phones.inbound().receive(ex.rawBody(), ex.header("X-Signature"), ex.header("X-Timestamp"),
                ex.remoteAddress());
        ex.empty(204);
    }

    /** The version the phone reports in its User-Agent, else the one it registered with. */
    private static AppVersion app(ApiExchange ex) {
        String ua = AppVersion.versionString(ex.header("User-Agent"));
        return AppVersion.parse(ua != null ? ua : ex.device().appVersion());
    }
}

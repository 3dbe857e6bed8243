package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.ProcessingState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SMSGate's MessageState: the wire shape of a message for the third-party API. */
record MessageView(String id, String deviceId, String state, boolean isHashed, boolean isEncrypted,
                   List<Recipient> recipients, Map<String, Instant> states,
                   MessageHandlers.TextPart textMessage, MessageHandlers.DataPart dataMessage) {

    record Recipient(String phoneNumber, String state, String error) {
    }

    static MessageView of(OutgoingMessage m, boolean includeContent) {
        Map<String, Instant> states = new LinkedHashMap<>();
        for (ProcessingState s : ProcessingState.values()) {
            Instant at = m.states().get(s);
            if (at != null) {
                states.put(s.name(), at);
            }
        }
        List<Recipient> recipients = m.recipients().stream()
                .map(r -> new Recipient(r.phoneNumber(), r.state().name(), r.error())).toList();
        MessageHandlers.TextPart text = includeContent && m.content().isText()
                ? new MessageHandlers.TextPart(m.content().text()) : null;
        MessageHandlers.DataPart data = includeContent && !m.content().isText()
                ? new MessageHandlers.DataPart(m.content().data(), m.content().port()) : null;
        return new MessageView(m.id(), m.deviceId(), m.state().name(), false, m.isEncrypted(), recipients, states,
                text, data);
    }
}

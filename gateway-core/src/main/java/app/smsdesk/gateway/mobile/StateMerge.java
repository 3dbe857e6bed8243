package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.RecipientState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a phone's state report to a stored message. The phone's reports can arrive out of order (each state
 * change is its own retried job), so states only move forward by {@link ProcessingState#rank()}; Failed and
 * Cancelled are final; a reported Pending means "the phone has it" and is stored as Processed; the history keeps
 * the first timestamp of each state.
 */
final class StateMerge {
    static final int MAX_ERROR = 256;

    private StateMerge() {
    }

    /** The updated message, or empty when the report changes nothing. */
    static Optional<OutgoingMessage> apply(OutgoingMessage m, StateReport report, Instant now) {
        List<RecipientState> recipients = new ArrayList<>(m.recipients());
        if (report.recipients().isEmpty() && report.state() != null) {
            for (int i = 0; i < recipients.size(); i++) {
                recipients.set(i, advance(recipients.get(i), report.state(), null));
            }
        }
        for (StateReport.Recipient r : report.recipients()) {
            int i = indexOf(recipients, r.phoneNumber());
            if (i >= 0 && r.state() != null) {
                recipients.set(i, advance(recipients.get(i), r.state(), r.error()));
            }
        }
        ProcessingState candidate = report.state() != null ? stored(report.state()) : aggregate(recipients);
        ProcessingState state = advances(m.state(), candidate) ? candidate : m.state();

        Map<ProcessingState, Instant> history = new EnumMap<>(ProcessingState.class);
        history.putAll(m.states());
        report.history().forEach(history::putIfAbsent);
        if (state != m.state()) {
            history.putIfAbsent(state, now);
        }
        for (RecipientState r : recipients) {
            if (r.state() != ProcessingState.Pending && r.state() != ProcessingState.Cancelling) {
                history.putIfAbsent(r.state(), now);
            }
        }
        if (state == m.state() && recipients.equals(m.recipients()) && history.equals(m.states())) {
            return Optional.empty();
        }
        return Optional.of(new OutgoingMessage(m.rowId(), m.id(), m.userId(), m.deviceId(), m.content(), recipients,
                history, state, m.validUntil(), m.scheduleAt(), m.simNumber(), m.withDeliveryReport(), m.priority(),
                m.isEncrypted(), m.createdAt(), now));
    }

    /** A phone reporting Pending has received the message: store that as Processed. */
    static ProcessingState stored(ProcessingState reported) {
        return reported == ProcessingState.Pending ? ProcessingState.Processed : reported;
    }

    static boolean advances(ProcessingState current, ProcessingState next) {
        return !current.isFinal() && next.rank() > current.rank();
    }

    /** The message-level state the app derives from its recipients (mobile-sync §3.4). */
    static ProcessingState aggregate(List<RecipientState> recipients) {
        for (ProcessingState s : List.of(ProcessingState.Pending, ProcessingState.Cancelling,
                ProcessingState.Cancelled, ProcessingState.Processed)) {
            if (recipients.stream().anyMatch(r -> r.state() == s)) {
                return s;
            }
        }
        if (!recipients.isEmpty() && recipients.stream().allMatch(r -> r.state() == ProcessingState.Failed)) {
            return ProcessingState.Failed;
        }
        if (!recipients.isEmpty() && recipients.stream().allMatch(r -> r.state() == ProcessingState.Delivered)) {
            return ProcessingState.Delivered;
        }
        return ProcessingState.Sent;
    }

    private static RecipientState advance(RecipientState current, ProcessingState reported, String error) {
        ProcessingState next = stored(reported);
        if (!advances(current.state(), next)) {
            return current;
        }
        String e = error == null || error.isEmpty() ? null
                : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        return new RecipientState(current.phoneNumber(), next, e);
    }

    /** Matches the number as stored, also when an old app dropped the leading {@code +}. */
    private static int indexOf(List<RecipientState> recipients, String phoneNumber) {
        if (phoneNumber == null) {
            return -1;
        }
        for (int i = 0; i < recipients.size(); i++) {
            String stored = recipients.get(i).phoneNumber();
            if (Objects.equals(stored, phoneNumber) || Objects.equals(stored, "+" + phoneNumber)) {
                return i;
            }
        }
        return -1;
    }
}

package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.service.EventLogService;
import app.smsdesk.gateway.store.MessageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The phone's side of outgoing messages: pulling its open work ({@code GET /message}, which never changes a
 * message's state) and reporting states ({@code PATCH /message}, monotonic, unknown ids ignored).
 */
public final class MessageSync {
    /** At most this many messages per pull, like the reference server. */
    public static final int PULL_LIMIT = 100;

    private final MessageStore store;
    private final EventLogService log;
    private final Clock clock;

    /**
     * A pull: the messages and the time it was made (for the remaining {@code ttl}).
     *
     * @param messages open messages in hand-out order
     * @param at when they were read
     */
    public record Pull(List<OutgoingMessage> messages, Instant at) {
    }

    MessageSync(MessageStore store, EventLogService log, Clock clock) {
        this.store = store;
        this.log = log;
        this.clock = clock;
    }

    /**
     * The phone's Pending and Cancelling messages. Messages accepted while the account had no phone are handed
     * to the first phone that pulls (only their holder changes). Phones older than 1.67 do not understand
     * Cancelling and would send such a message, so they do not get those.
     */
    public Pull pull(Device device, boolean fifo, AppVersion app) {
        Instant now = clock.instant();
        if (!device.approved()) {
            return new Pull(List.of(), now); // waiting for the admin: no messages, not even unassigned ones (F2)
        }
        int assigned = store.assignUnassigned(device.userId(), device.rowId(), now);
        if (assigned > 0) {
            log.info(device.userId(), "messages", "unassigned messages handed to a phone", Map.of(
                    "deviceId", device.id(), "count", String.valueOf(assigned)));
        }
        List<OutgoingMessage> open = store.openForDevice(device.rowId(), fifo, PULL_LIMIT);
        if (!app.knowsCancel()) {
            open = open.stream().filter(m -> m.state() != ProcessingState.Cancelling).toList();
        }
        return new Pull(open, now);
    }

    /** Applies the phone's reports in order; ids that are unknown or not the phone's are ignored. */
    public void report(Device device, List<StateReport> reports) {
        if (!device.approved()) {
            return; // it holds no messages; unassigned ones are not its to report on (F2)
        }
        Map<String, List<StateReport>> byId = new LinkedHashMap<>();
        for (StateReport r : reports) {
            byId.computeIfAbsent(r.messageId(), k -> new ArrayList<>()).add(r);
        }
        Instant now = clock.instant();
        List<OutgoingMessage> finished = new ArrayList<>();
        store.update(device.userId(), device.rowId(), byId.keySet(), m -> {
            OutgoingMessage current = m;
            for (StateReport r : byId.get(m.id())) {
                current = StateMerge.apply(current, r, now).orElse(current);
            }
            if (current == m) {
                return Optional.empty();
            }
            if (current.state() != m.state() && current.state().isFinal()) {
                finished.add(current);
            }
            return Optional.of(current);
        });
        for (OutgoingMessage m : finished) {
            log.info(m.userId(), "messages", "message " + m.state().name().toLowerCase(Locale.ROOT),
                    Map.of("messageId", m.id(), "deviceId", device.id()));
        }
    }
}

package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.DayCounts;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.DeviceEvent;
import app.smsdesk.gateway.domain.Ids;
import app.smsdesk.gateway.domain.MessageContent;
import app.smsdesk.gateway.domain.MessageQuery;
import app.smsdesk.gateway.domain.NotFoundException;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.Page;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.RecipientState;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.store.DeviceStore;
import app.smsdesk.gateway.store.GuardStore;
import app.smsdesk.gateway.store.MessageStore;
import app.smsdesk.gateway.auth.TokenGuardBook;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Accepts, lists, reads and cancels outgoing messages. An accepted message is on disk before this returns. */
public final class MessageService {
    public static final int MAX_TEXT = 65_535;
    public static final int MAX_RECIPIENTS = 100;
    public static final int MAX_LIST_LIMIT = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MessageStore store;
    private final DeviceStore devices;
    private final DeviceEvents events;
    private final GatewaySettingsService settings;
    private final EventLogService log;
    private final Clock clock;

    private final TokenGuardBook guards;

    public MessageService(MessageStore store, DeviceStore devices, DeviceEvents events,
                          GatewaySettingsService settings, EventLogService log, Clock clock) {
        this(store, devices, events, settings, log, clock, new TokenGuardBook());
    }

    /** @param guards the sending tokens' recipient and budget guards */
    public MessageService(MessageStore store, DeviceStore devices, DeviceEvents events,
                          GatewaySettingsService settings, EventLogService log, Clock clock, TokenGuardBook guards) {
        this.guards = guards;
        this.store = store;
        this.devices = devices;
        this.events = events;
        this.settings = settings;
        this.log = log;
        this.clock = clock;
    }

    public OutgoingMessage send(Principal caller, SendRequest r) {
        Instant now = clock.instant();
        SendValidation.ValidatedSend v = SendValidation.validate(r, settings.get().defaultRegion(), now);
        Optional<GuardStore.Guarded> guarded = guards.of(caller.tokenId());
        guarded.ifPresent(g -> g.guards().checkRecipients(v.phoneNumbers(), v.encrypted(), caller.tokenId()));
        Optional<Device> device = selectDevice(caller.userId(), r.deviceId(), r.deviceActiveWithin(), now);

        List<RecipientState> recipients = v.phoneNumbers().stream()
                .map(n -> new RecipientState(n, ProcessingState.Pending, null)).toList();
        Map<ProcessingState, Instant> states = new EnumMap<>(ProcessingState.class);
        states.put(ProcessingState.Pending, now);
        OutgoingMessage message = new OutgoingMessage(0, v.id(), caller.userId(),
                device.map(Device::id).orElse(null), v.content(), recipients, states, ProcessingState.Pending,
                v.validUntil(), r.scheduleAt(), r.simNumber(),
                r.withDeliveryReport() == null || r.withDeliveryReport(),
                r.priority() == null ? 0 : r.priority(), v.encrypted(), now, now);
        OutgoingMessage stored = store.insert(message, device.map(Device::rowId).orElse(null),
                log.infoEntry(caller.userId(), "messages", "message accepted", Map.of("messageId", message.id(),
                        "deviceId", message.deviceId() == null ? "unassigned" : message.deviceId(),
                        "recipients", String.valueOf(recipients.size()), "by", caller.actor())),
                guarded.filter(g -> g.guards().dailyBudget() != null).map(g -> new GuardStore.BudgetCharge(
                        g.budgetKey(), caller.tokenId(), g.guards().budgetDay(now), recipients.size(),
                        g.guards().dailyBudget())).orElse(null));
        DeviceEvent enqueued = DeviceEvent.of(DeviceEvent.MESSAGE_ENQUEUED);
        if (device.isPresent()) {
            events.publish(device.get(), enqueued);
        } else {
            events.publish(caller.userId(), null, enqueued); // unassigned: whichever phone pulls first takes it
        }
        return stored;
    }

    private Optional<Device> selectDevice(String userId, String deviceId, Integer activeWithinHours, Instant now) {
        if (activeWithinHours != null && activeWithinHours < 0) {
            throw new ValidationException("deviceActiveWithin: must be 0 or more hours");
        }
        if (deviceId != null && !deviceId.isEmpty()) {
            if (deviceId.length() > Ids.LENGTH) {
                throw new ValidationException("deviceId: at most 21 characters");
            }
            Device chosen = devices.find(userId, deviceId).orElseThrow(() -> new ValidationException(
                    "deviceId: failed to select device: record not found"));
            if (!chosen.approved()) {
                throw new ValidationException("deviceId: failed to select device: the phone is waiting for "
                        + "approval in the console");
            }
            return Optional.of(chosen);
        }
        List<Device> candidates = new ArrayList<>(devices.listByUser(userId));
        candidates.removeIf(d -> !d.approved()); // a phone waiting for approval gets no messages (F2)
        if (activeWithinHours != null && activeWithinHours > 0) {
            Instant since = now.minus(Duration.ofHours(activeWithinHours));
            candidates.removeIf(d -> d.lastSeen().isBefore(since));
            if (candidates.isEmpty()) {
                throw new ValidationException("deviceActiveWithin: failed to select device: no phone was seen "
                        + "in the last " + activeWithinHours + " hours");
            }
        }
        // No phone yet: the message waits unassigned and goes to the first phone that pulls.
        return candidates.isEmpty() ? Optional.empty()
                : Optional.of(candidates.get(RANDOM.nextInt(candidates.size())));
    }

    public OutgoingMessage get(Principal caller, String id) {
        return store.find(caller.userId(), id).orElseThrow(() -> new NotFoundException("message not found"));
    }

    public Page<OutgoingMessage> list(Principal caller, MessageQuery query) {
        if (query.limit() < 1 || query.limit() > MAX_LIST_LIMIT) {
            throw new ValidationException("limit: must be between 1 and " + MAX_LIST_LIMIT);
        }
        if (query.offset() < 0) {
            throw new ValidationException("offset: must be 0 or more");
        }
        if (query.deviceId() != null && query.deviceId().length() != Ids.LENGTH) {
            throw new ValidationException("deviceId: must be exactly 21 characters");
        }
        return store.list(caller.userId(), query);
    }

    /** How many of the caller's messages created in [from, to) are in each state; null bounds are open. */
    public Map<ProcessingState, Long> countByState(Principal caller, Instant from, Instant to) {
        return store.countByState(caller.userId(), from, to);
    }

    /**
     * Per local day from {@code first} to {@code last} (inclusive, at most 366 days): how many of the caller's
     * messages created that day are in each state. Days without messages are included with no counts.
     */
    public List<DayCounts> countsByDay(Principal caller, LocalDate first, LocalDate last, ZoneId zone) {
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) > 365) {
            throw new ValidationException("days: give a range of 1 to 366 days");
        }
        Map<LocalDate, Map<ProcessingState, Long>> days = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.put(d, new EnumMap<>(ProcessingState.class));
        }
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        for (MessageStore.SliceCount s : store.countBySlice(caller.userId(), from, to, 15)) {
            Map<ProcessingState, Long> day = days.get(s.sliceStart().atZone(zone).toLocalDate());
            if (day != null) {
                day.merge(s.state(), s.count(), Long::sum);
            }
        }
        return days.entrySet().stream().map(e -> new DayCounts(e.getKey(), e.getValue())).toList();
    }

    /** How many of the caller's messages failed at or after {@code since}. */
    public long failedSince(Principal caller, Instant since) {
        return store.countChangedSince(caller.userId(), ProcessingState.Failed, since);
    }

    /** Asks the phone to cancel a pending message (state Cancelling until the phone confirms). */
    public OutgoingMessage cancel(Principal caller, String id) {
        OutgoingMessage m = store.cancel(caller.userId(), id, clock.instant());
        log.info(caller.userId(), "messages", "message cancellation requested", Map.of("messageId", id,
                "by", caller.actor()));
        events.publish(caller.userId(), m.deviceId(),
                new DeviceEvent(DeviceEvent.MESSAGE_CANCELLED, Map.of("messageId", m.id())));
        return m;
    }
}

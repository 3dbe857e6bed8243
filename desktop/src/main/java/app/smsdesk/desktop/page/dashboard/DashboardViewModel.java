package app.smsdesk.desktop.page.dashboard;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.page.phones.PhoneStatus;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.DayCounts;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.LogEntry;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.Services;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard: phones online, today's messages by state, queue depth, recent failures, 30 days of traffic and
 * the latest events. Counts come from the store's aggregate queries, never from loading messages.
 */
public final class DashboardViewModel extends ViewModel {
    static final int DAYS = 30;
    static final Duration PERIOD = Duration.ofSeconds(15);

    /** Everything the dashboard shows, read in one background call. */
    record Snapshot(List<Device> devices, Map<ProcessingState, Long> today, Map<ProcessingState, Long> open,
                    long failedLastHour, List<DayCounts> days, List<LogEntry> events) {
    }

    private final ReadOnlyStringWrapper phones = new ReadOnlyStringWrapper(this, "phones", "\u2013");
    private final ReadOnlyStringWrapper phonesDetail = new ReadOnlyStringWrapper(this, "phonesDetail", "");
    private final ReadOnlyLongWrapper todayTotal = new ReadOnlyLongWrapper(this, "todayTotal");
    private final ReadOnlyStringWrapper todayDetail = new ReadOnlyStringWrapper(this, "todayDetail", "");
    private final ReadOnlyLongWrapper queueDepth = new ReadOnlyLongWrapper(this, "queueDepth");
    private final ReadOnlyLongWrapper failedLastHour = new ReadOnlyLongWrapper(this, "failedLastHour");
    private final ObservableList<DayCounts> days = FXCollections.observableArrayList();
    private final ObservableList<LogEntry> events = FXCollections.observableArrayList();
    private TaskRunner.Cancellable live;

    public DashboardViewModel(Console console) {
        super(console);
    }

    public void start() {
        refresh();
        if (live == null) {
            live = console.tasks().every(PERIOD, this::refresh);
        }
    }

    public void stop() {
        if (live != null) {
            live.cancel();
            live = null;
        }
    }

    public void refresh() {
        Services s = console.services();
        Principal p = console.principal();
        Instant now = console.now();
        LocalDate today = LocalDate.ofInstant(now, console.zone());
        Instant midnight = today.atStartOfDay(console.zone()).toInstant();
        call("Could not load the dashboard", () -> new Snapshot(s.devices().list(p),
                s.messages().countByState(p, midnight, null), s.messages().countByState(p, null, null),
                s.messages().failedSince(p, now.minus(Duration.ofHours(1))),
                s.messages().countsByDay(p, today.minusDays(DAYS - 1), today, console.zone()),
                s.events().list(p, null, null, 8)), this::show);
    }

    private void show(Snapshot snap) {
        long online = snap.devices().stream().filter(d -> PhoneStatus.isOnline(d, console.now())).count();
        phones.set(online + " / " + snap.devices().size());
        phonesDetail.set(snap.devices().isEmpty() ? "No phone paired yet" : "online / paired");
        todayTotal.set(snap.today().values().stream().mapToLong(Long::longValue).sum());
        todayDetail.set(describe(snap.today()));
        queueDepth.set(snap.open().getOrDefault(ProcessingState.Pending, 0L)
                + snap.open().getOrDefault(ProcessingState.Cancelling, 0L));
        failedLastHour.set(snap.failedLastHour());
        days.setAll(snap.days());
        events.setAll(snap.events());
    }

    static String describe(Map<ProcessingState, Long> counts) {
        if (counts.isEmpty()) {
            return "nothing sent today";
        }
        StringBuilder b = new StringBuilder();
        for (ProcessingState s : ProcessingState.values()) {
            long n = counts.getOrDefault(s, 0L);
            if (n > 0) {
                b.append(b.length() == 0 ? "" : " \u00b7 ").append(n).append(' ').append(s.name().toLowerCase());
            }
        }
        return b.toString();
    }

    /** Sent today counts Processed and Sent (the phone handed it to the network). */
    public static long sent(DayCounts d) {
        return d.get(ProcessingState.Processed) + d.get(ProcessingState.Sent);
    }

    public ReadOnlyStringProperty phonesProperty() {
        return phones.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phonesDetailProperty() {
        return phonesDetail.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty todayTotalProperty() {
        return todayTotal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty todayDetailProperty() {
        return todayDetail.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty queueDepthProperty() {
        return queueDepth.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty failedLastHourProperty() {
        return failedLastHour.getReadOnlyProperty();
    }

    public ObservableList<DayCounts> days() {
        return days;
    }

    public ObservableList<LogEntry> events() {
        return events;
    }

    public Console console() {
        return console;
    }
}

package app.smsdesk.desktop.page.logs;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.LogEntry;
import app.smsdesk.gateway.service.EventLogService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The gateway's event log: a time range, level and area filters, search, and a live tail. */
public final class LogsViewModel extends ViewModel {
    static final Duration TAIL_PERIOD = Duration.ofSeconds(2);
    static final int MAX_ROWS = 5000;
    public static final String ALL = "All";

    /** How far back the list goes. */
    public enum Range {
        HOUR("Last hour", Duration.ofHours(1)), DAY("Last 24 hours", Duration.ofDays(1)),
        WEEK("Last 7 days", Duration.ofDays(7)), ALL_TIME("Everything", null);

        private final String label;
        private final Duration length;

        Range(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> visible = new FilteredList<>(entries);
    private final ObservableList<String> modules = FXCollections.observableArrayList(ALL);
    private final StringProperty level = new SimpleStringProperty(this, "level", ALL);
    private final StringProperty module = new SimpleStringProperty(this, "module", ALL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(this, "range", Range.DAY);
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live", true);
    private TaskRunner.Cancellable tail;

    public LogsViewModel(Console console) {
        super(console);
        level.addListener((o, a, b) -> filter());
        module.addListener((o, a, b) -> filter());
        search.addListener((o, a, b) -> filter());
        range.addListener((o, a, b) -> load());
        live.addListener((o, a, b) -> {
            if (b) {
                startTail();
            } else {
                stopTail();
            }
        });
    }

    public void start() {
        load();
        if (live.get()) {
            startTail();
        }
    }

    public void stop() {
        stopTail();
    }

    private void startTail() {
        if (tail == null) {
            tail = console.tasks().every(TAIL_PERIOD, this::poll);
        }
    }

    private void stopTail() {
        if (tail != null) {
            tail.cancel();
            tail = null;
        }
    }

    public void load() {
        Instant from = range.get().length == null ? null : console.now().minus(range.get().length);
        call("Could not read the log", () -> console.services().events().list(console.principal(), from, null,
                EventLogService.MAX_LIMIT), list -> {
                    entries.setAll(list);
                    updateModules();
                });
    }

    /** Adds entries newer than the newest shown (the live tail). */
    public void poll() {
        Instant since = entries.isEmpty() ? (range.get().length == null ? null
                : console.now().minus(range.get().length)) : entries.get(0).createdAt();
        call(() -> console.services().events().list(console.principal(), since, null, EventLogService.MAX_LIMIT),
                this::merge, e -> { });
    }

    private void merge(List<LogEntry> newest) {
        Set<Long> known = new HashSet<>();
        int scan = Math.min(entries.size(), 200);
        for (int i = 0; i < scan; i++) {
            known.add(entries.get(i).id());
        }
        List<LogEntry> fresh = newest.stream().filter(e -> !known.contains(e.id())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        entries.addAll(0, fresh);
        if (entries.size() > MAX_ROWS) {
            entries.remove(MAX_ROWS, entries.size());
        }
        updateModules();
    }

    private void updateModules() {
        TreeSet<String> names = entries.stream().map(LogEntry::module).collect(Collectors.toCollection(TreeSet::new));
        List<String> all = new ArrayList<>(List.of(ALL));
        all.addAll(names);
        if (!all.equals(modules)) {
            String keep = module.get();
            modules.setAll(all);
            module.set(all.contains(keep) ? keep : ALL);
        }
    }

    private void filter() {
        String l = level.get();
        String m = module.get();
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        visible.setPredicate(e -> (ALL.equals(l) || l == null || l.equals(e.priority()))
                && (ALL.equals(m) || m == null || m.equals(e.module()))
                && (q.isEmpty() || e.message().toLowerCase(Locale.ROOT).contains(q)
                || e.context().values().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(q))));
    }

    public static String context(LogEntry e) {
        return e.context().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(x -> x.getKey() + "=" + x.getValue()).collect(Collectors.joining("  "));
    }

    public ObservableList<LogEntry> visibleEntries() {
        return visible;
    }

    public ObservableList<String> modules() {
        return modules;
    }

    public static List<String> levels() {
        return List.of(ALL, "INFO", "WARN", "ERROR");
    }

    public StringProperty levelProperty() {
        return level;
    }

    public StringProperty moduleProperty() {
        return module;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    public BooleanProperty liveProperty() {
        return live;
    }

    public Console console() {
        return console;
    }
}

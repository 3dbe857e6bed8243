package app.smsdesk.desktop.page.messages;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.Formats;
import app.smsdesk.desktop.ui.PagedList;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.MessageQuery;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.Page;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The message list: one page at a time from the store (never all of them), sorted by the gateway, filters, the
 * selected message's recipients and state timeline, cancel, compose, and CSV export of everything the filter
 * matches. Paging, sorting and the export's state are the shared {@link PagedList}.
 */
public final class MessagesViewModel extends ViewModel {
    public static final int PAGE_SIZE = 50;

    /** One step of a message's history. */
    public record TimelineStep(ProcessingState state, Instant at) {
    }

    private final ObjectProperty<ProcessingState> stateFilter = new SimpleObjectProperty<>(this, "state");
    private final ObjectProperty<PhoneChoice> phoneFilter = new SimpleObjectProperty<>(this, "phone", PhoneChoice.ANY);
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<PhoneChoice> phones = FXCollections.observableArrayList(PhoneChoice.ANY);
    private final ReadOnlyObjectWrapper<OutgoingMessage> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<TimelineStep> timeline = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel", false);
    private final PagedList<OutgoingMessage, MessageQuery.Order> list;
    private MessageQuery applied = query(0);
    private TaskRunner.Cancellable live;

    public MessagesViewModel(Console console) {
        super(console);
        this.list = new PagedList<>(console, this::call, PAGE_SIZE, "messages", "Could not load the messages",
                new PagedList.Sort<>(MessageQuery.Order.CREATED, false), (sort, limit, offset) ->
                console.services().messages().list(console.principal(), new MessageQuery(applied.from(),
                        applied.to(), applied.state(), applied.deviceId(), applied.search(), limit, offset,
                        sort.ascending(), sort.key())));
        list.emptyText("No messages");
        list.onLoaded(page -> keepSelection());
    }

    /** Loads the phones and the current page, and keeps the page current while the screen shows. */
    public void startLive() {
        loadPhones();
        reload();
        if (live == null) {
            live = console.tasks().every(java.time.Duration.ofSeconds(10), this::reload);
        }
    }

    public void stopLive() {
        if (live != null) {
            live.cancel();
            live = null;
        }
    }

    public void loadPhones() {
        call("Could not load the phones", () -> console.services().devices().list(console.principal()), devices -> {
            PhoneChoice keep = phoneFilter.get();
            phones.setAll(PhoneChoice.of(devices));
            phoneFilter.set(phones.stream().filter(p -> java.util.Objects.equals(p.deviceId(), keep.deviceId()))
                    .findFirst().orElse(PhoneChoice.ANY));
        });
    }

    /** Applies the filters and shows their first page. */
    public void applyFilters() {
        if (fromDate.get() != null && toDate.get() != null && toDate.get().isBefore(fromDate.get())) {
            console.dialogs().showInfo("Check the dates", "The \u201cto\u201d date is before the \u201cfrom\u201d date.");
            return;
        }
        applied = query(0);
        list.restart();
    }

    public void clearFilters() {
        stateFilter.set(null);
        phoneFilter.set(PhoneChoice.ANY);
        fromDate.set(null);
        toDate.set(null);
        search.set("");
        applyFilters();
    }

    private MessageQuery query(int page) {
        Instant from = fromDate.get() == null ? null : fromDate.get().atStartOfDay(console.zone()).toInstant();
        Instant to = toDate.get() == null ? null : toDate.get().plusDays(1).atStartOfDay(console.zone()).toInstant();
        String q = search.get() == null || search.get().isBlank() ? null : search.get().strip();
        return new MessageQuery(from, to, stateFilter.get(), phoneFilter.get() == null ? null
                : phoneFilter.get().deviceId(), q, PAGE_SIZE, page * PAGE_SIZE, false);
    }

    /** Reloads the current page with the applied filters. */
    public void reload() {
        list.reload();
    }

    /** Paging, the order (the gateway sorts the whole result) and the export's progress. */
    public PagedList<OutgoingMessage, MessageQuery.Order> list() {
        return list;
    }

    private void keepSelection() {
        String keep = selected.get() == null ? null : selected.get().id();
        if (keep != null) {
            list.items().stream().filter(m -> m.id().equals(keep)).findFirst().ifPresent(this::showDetail);
        } else if (!list.items().isEmpty()) {
            showDetail(list.items().get(0));
        }
    }

    /** Shows a message's detail (read fresh, so the states are current). */
    public void select(OutgoingMessage m) {
        if (m == null) {
            selected.set(null);
            timeline.clear();
            canCancel.set(false);
            return;
        }
        showDetail(m);
        call("Could not read the message", () -> console.services().messages().get(console.principal(), m.id()),
                this::showDetail);
    }

    /** Selects a message by id (after sending it). */
    public void selectById(String id) {
        call("Could not read the message", () -> console.services().messages().get(console.principal(), id),
                this::showDetail);
    }

    private void showDetail(OutgoingMessage m) {
        selected.set(m);
        timeline.setAll(m.states().entrySet().stream()
                .sorted(Map.Entry.<ProcessingState, Instant>comparingByValue()
                        .thenComparing(e -> e.getKey().rank()))
                .map(e -> new TimelineStep(e.getKey(), e.getValue())).toList());
        canCancel.set(m.state() == ProcessingState.Pending);
    }

    /** Asks, then asks the phone to cancel the selected pending message. */
    public void cancelSelected() {
        OutgoingMessage m = selected.get();
        if (m == null || m.state() != ProcessingState.Pending) {
            return;
        }
        if (!console.dialogs().confirm("Cancel message?", "The message to " + recipients(m) + " will not be sent "
                + "if the phone has not sent it yet. The phone confirms the cancellation when it next connects.",
                "Cancel message")) {
            return;
        }
        call("Could not cancel the message", () -> console.services().messages().cancel(console.principal(), m.id()),
                cancelled -> {
                    showDetail(cancelled);
                    reload();
                });
    }

    public static String recipients(OutgoingMessage m) {
        String first = m.recipients().isEmpty() ? "" : m.recipients().get(0).phoneNumber();
        return m.recipients().size() <= 1 ? first : first + " +" + (m.recipients().size() - 1);
    }

    public static String preview(OutgoingMessage m) {
        if (!m.content().isText()) {
            return "[data to port " + m.content().port() + "]";
        }
        String t = m.content().text().replace('\n', ' ');
        return t.length() > 80 ? t.substring(0, 79) + "\u2026" : t;
    }

    public String compactTime(Instant t) {
        return Formats.compact(t, console.now(), console.zone());
    }

    public String time(Instant t) {
        return Formats.dateTime(t, console.zone());
    }

    public String timeSeconds(Instant t) {
        return Formats.dateTimeSeconds(t, console.zone());
    }

    public String phoneName(String deviceId) {
        if (deviceId == null) {
            return "not assigned yet";
        }
        return phones.stream().filter(p -> deviceId.equals(p.deviceId())).findFirst().map(PhoneChoice::toString)
                .orElse(deviceId);
    }

    /** Writes every message the applied filters match to {@code file} (newest first), with progress. */
    public void exportCsv(Path file) {
        MessageQuery filter = applied;
        list.export(file.getFileName().toString(),
                p -> MessageExporter.export(console.services().messages(), console.principal(), filter, file, p));
    }

    public void cancelExport() {
        list.cancelExport();
    }

    public void copyId() {
        if (selected.get() != null) {
            console.clipboard().copy(selected.get().id());
        }
    }

    public ComposeViewModel compose() {
        return new ComposeViewModel(console);
    }

    public ObjectProperty<ProcessingState> stateFilterProperty() {
        return stateFilter;
    }

    public ObjectProperty<PhoneChoice> phoneFilterProperty() {
        return phoneFilter;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<PhoneChoice> phones() {
        return phones;
    }

    public ReadOnlyObjectProperty<OutgoingMessage> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<TimelineStep> timeline() {
        return timeline;
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    static List<ProcessingState> states() {
        return List.of(ProcessingState.values()).stream().sorted(Comparator.comparing(ProcessingState::ordinal))
                .toList();
    }
}

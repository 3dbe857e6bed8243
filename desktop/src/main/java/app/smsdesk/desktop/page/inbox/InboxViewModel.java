package app.smsdesk.desktop.page.inbox;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.page.messages.PhoneChoice;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.PagedList;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.IncomingMessage;
import app.smsdesk.gateway.service.InboxService;
import app.smsdesk.gateway.domain.InboxQuery;
import app.smsdesk.gateway.domain.Page;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Incoming SMS, newest first unless sorted otherwise (by the gateway): filters (type, phone, dates, text), pages,
 * CSV export of what the filters match. Paging, sorting and the export's state are the shared {@link PagedList}.
 */
public final class InboxViewModel extends ViewModel {
    public static final int PAGE_SIZE = 100;
    /** The message types a phone reports (null in the picker means any). */
    public static final List<String> TYPES = IncomingMessage.TYPES;

    /** The filters in force (what the table and the export show). */
    private record Filters(String type, String deviceId, Instant from, Instant to, String search) {
        static final Filters NONE = new Filters(null, null, null, null, null);

        InboxQuery page(int limit, int offset, PagedList.Sort<InboxQuery.Order> sort) {
            return new InboxQuery(type, deviceId, from, to, search, limit, offset, sort.key(), sort.ascending());
        }
    }

    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<String> typeFilter = new SimpleObjectProperty<>(this, "type");
    private final ObjectProperty<PhoneChoice> phoneFilter = new SimpleObjectProperty<>(this, "phone", PhoneChoice.ANY);
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
    private final ObservableList<PhoneChoice> phones = FXCollections.observableArrayList(PhoneChoice.ANY);
    private final PagedList<IncomingMessage, InboxQuery.Order> list;
    private Filters applied = Filters.NONE;
    private TaskRunner.Cancellable live;

    public InboxViewModel(Console console) {
        super(console);
        this.list = new PagedList<>(console, this::call, PAGE_SIZE, "messages", "Could not load the inbox",
                new PagedList.Sort<>(InboxQuery.Order.RECEIVED, false), (sort, limit, offset) ->
                console.services().inbox().list(console.principal(), applied.page(limit, offset, sort)));
        list.emptyText("No messages received");
    }

    public void start() {
        loadPhones();
        load();
        if (live == null) {
            live = console.tasks().every(Duration.ofSeconds(10), this::load);
        }
    }

    public void stop() {
        if (live != null) {
            live.cancel();
            live = null;
        }
    }

    public void loadPhones() {
        call("Could not load the phones", () -> console.services().devices().list(console.principal()), devices -> {
            PhoneChoice keep = phoneFilter.get();
            phones.setAll(PhoneChoice.of(devices));
            phoneFilter.set(phones.stream().filter(p -> keep != null && Objects.equals(p.deviceId(), keep.deviceId()))
                    .findFirst().orElse(PhoneChoice.ANY));
        });
    }

    /** Applies the filters (type, phone, dates, text) and shows their first page. */
    public void applyFilters() {
        if (fromDate.get() != null && toDate.get() != null && toDate.get().isBefore(fromDate.get())) {
            console.dialogs().showInfo("Check the dates",
                    "The \u201cto\u201d date is before the \u201cfrom\u201d date.");
            return;
        }
        // Dates are whole days in the console's zone: "to" includes that day.
        Instant from = fromDate.get() == null ? null : fromDate.get().atStartOfDay(console.zone()).toInstant();
        Instant to = toDate.get() == null ? null : toDate.get().plusDays(1).atStartOfDay(console.zone()).toInstant();
        String q = search.get() == null || search.get().isBlank() ? null : search.get().strip();
        applied = new Filters(typeFilter.get(), phoneFilter.get() == null ? null : phoneFilter.get().deviceId(), from,
                to, q);
        list.emptyText(filtered() ? "No messages match" : "No messages received");
        list.restart();
    }

    public void clearFilters() {
        typeFilter.set(null);
        phoneFilter.set(PhoneChoice.ANY);
        fromDate.set(null);
        toDate.set(null);
        search.set("");
        applyFilters();
    }

    /** True while any filter is in force (the empty table then says so). */
    public boolean filtered() {
        return !applied.equals(Filters.NONE);
    }

    public void load() {
        list.reload();
    }

    /** Paging, the order (the gateway sorts the whole result) and the export's progress. */
    public PagedList<IncomingMessage, InboxQuery.Order> list() {
        return list;
    }

    /** Writes every message the filters match to CSV, in the list's order. */
    public void exportCsv(Path file) {
        Filters f = applied;
        PagedList.Sort<InboxQuery.Order> sort = list.sortProperty().get();
        list.export(file.getFileName().toString(), p -> {
            long n = 0;
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("id,received_at,sender,recipient,sim,type,phone_id,text\n");
                for (int offset = 0; !p.isCancelled(); offset += InboxService.MAX_LIMIT) {
                    Page<IncomingMessage> page = console.services().inbox().list(console.principal(),
                            f.page(InboxService.MAX_LIMIT, offset, sort));
                    for (IncomingMessage m : page.items()) {
                        out.write(String.join(",", csv(m.id()), csv(m.receivedAt().toString()), csv(m.sender()),
                                csv(m.recipient()), csv(m.simNumber() == null ? "" : m.simNumber().toString()),
                                csv(m.type()), csv(m.deviceId()), csv(m.content())) + "\n");
                    }
                    n += page.items().size();
                    p.update(n, page.total());
                    if (page.items().size() < InboxService.MAX_LIMIT) {
                        break;
                    }
                }
            }
            return n;
        });
    }

    static String csv(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("\\+?\\d+") ? "'" + v : v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    public void copy(IncomingMessage m) {
        if (m != null) {
            console.clipboard().copy(m.content());
        }
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> typeFilterProperty() {
        return typeFilter;
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

    public ObservableList<PhoneChoice> phones() {
        return phones;
    }

    /** The receiving phone's name for the table, or its id when it is not in the list (removed phones). */
    public String phoneName(String deviceId) {
        if (deviceId == null) {
            return "";
        }
        return phones.stream().filter(p -> deviceId.equals(p.deviceId())).findFirst()
                .map(p -> p.device().name().isEmpty() ? "Unnamed phone" : p.device().name()).orElse(deviceId);
    }

    public Console console() {
        return console;
    }
}

package app.smsdesk.desktop.page.inbox;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.page.messages.PhoneChoice;
import app.smsdesk.desktop.task.TaskRunner;
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

/** Incoming SMS, newest first: filters (type, phone, dates, text), pages, CSV export of what the filters match. */
public final class InboxViewModel extends ViewModel {
    public static final int PAGE_SIZE = 100;
    /** The message types a phone reports (null in the picker means any). */
    public static final List<String> TYPES = IncomingMessage.TYPES;

    /** The filters in force (what the table and the export show). */
    private record Filters(String type, String deviceId, Instant from, Instant to, String search) {
        static final Filters NONE = new Filters(null, null, null, null, null);

        InboxQuery page(int limit, int offset) {
            return new InboxQuery(type, deviceId, from, to, search, limit, offset);
        }
    }

    private final ObservableList<IncomingMessage> items = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<String> typeFilter = new SimpleObjectProperty<>(this, "type");
    private final ObjectProperty<PhoneChoice> phoneFilter = new SimpleObjectProperty<>(this, "phone", PhoneChoice.ANY);
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
    private final ObservableList<PhoneChoice> phones = FXCollections.observableArrayList(PhoneChoice.ANY);
    private final IntegerProperty pageIndex = new SimpleIntegerProperty(this, "pageIndex", 0);
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext", false);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting", false);
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress", 0);
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper(this, "exportStatus", "");
    private Filters applied = Filters.NONE;
    private TaskRunner.Cancellable live;

    public InboxViewModel(Console console) {
        super(console);
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
        pageIndex.set(0);
        load();
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
        InboxQuery q = applied.page(PAGE_SIZE, pageIndex.get() * PAGE_SIZE);
        call("Could not load the inbox", () -> console.services().inbox().list(console.principal(), q), page -> {
            items.setAll(page.items());
            long first = page.total() == 0 ? 0 : (long) pageIndex.get() * PAGE_SIZE + 1;
            pageText.set(page.total() == 0 ? (filtered() ? "No messages match" : "No messages received")
                    : String.format("%,d\u2013%,d of %,d", first,
                    first + page.items().size() - 1, page.total()));
            hasNext.set((long) (pageIndex.get() + 1) * PAGE_SIZE < page.total());
        });
    }

    public void nextPage() {
        if (hasNext.get()) {
            pageIndex.set(pageIndex.get() + 1);
            load();
        }
    }

    public void previousPage() {
        if (pageIndex.get() > 0) {
            pageIndex.set(pageIndex.get() - 1);
            load();
        }
    }

    /** Writes every message the filters match to CSV. */
    public void exportCsv(Path file) {
        exporting.set(true);
        exportStatus.set("Exporting\u2026");
        Filters f = applied;
        console.tasks().runWithProgress(p -> {
            long n = 0;
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("id,received_at,sender,recipient,sim,type,phone_id,text\n");
                for (int offset = 0; !p.isCancelled(); offset += InboxService.MAX_LIMIT) {
                    Page<IncomingMessage> page = console.services().inbox().list(console.principal(),
                            f.page(InboxService.MAX_LIMIT, offset));
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
        }, exportProgress::set, n -> {
            exporting.set(false);
            exportStatus.set(String.format("Exported %,d messages to %s", n, file.getFileName()));
        }, e -> {
            exporting.set(false);
            exportStatus.set("Export failed");
            console.dialogs().showError("Could not export the inbox", e);
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

    public ObservableList<IncomingMessage> items() {
        return items;
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

    public IntegerProperty pageIndexProperty() {
        return pageIndex;
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    public Console console() {
        return console;
    }
}

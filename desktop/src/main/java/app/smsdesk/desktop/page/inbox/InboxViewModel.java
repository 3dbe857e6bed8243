package app.smsdesk.desktop.page.inbox;

import app.smsdesk.desktop.Console;
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
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Incoming SMS, newest first: search, pages, CSV export. */
public final class InboxViewModel extends ViewModel {
    public static final int PAGE_SIZE = 100;

    private final ObservableList<IncomingMessage> items = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final IntegerProperty pageIndex = new SimpleIntegerProperty(this, "pageIndex", 0);
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext", false);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting", false);
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress", 0);
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper(this, "exportStatus", "");
    private String appliedSearch;
    private TaskRunner.Cancellable live;

    public InboxViewModel(Console console) {
        super(console);
    }

    public void start() {
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

    public void applySearch() {
        appliedSearch = search.get() == null || search.get().isBlank() ? null : search.get().strip();
        pageIndex.set(0);
        load();
    }

    public void load() {
        InboxQuery q = new InboxQuery(null, null, null, null, appliedSearch, PAGE_SIZE,
                pageIndex.get() * PAGE_SIZE);
        call("Could not load the inbox", () -> console.services().inbox().list(console.principal(), q), page -> {
            items.setAll(page.items());
            long first = page.total() == 0 ? 0 : (long) pageIndex.get() * PAGE_SIZE + 1;
            pageText.set(page.total() == 0 ? "No messages received" : String.format("%,d\u2013%,d of %,d", first,
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

    /** Writes every message matching the search to CSV. */
    public void exportCsv(Path file) {
        exporting.set(true);
        exportStatus.set("Exporting\u2026");
        String q = appliedSearch;
        console.tasks().runWithProgress(p -> {
            long n = 0;
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("id,received_at,sender,recipient,sim,type,phone_id,text\n");
                for (int offset = 0; !p.isCancelled(); offset += InboxService.MAX_LIMIT) {
                    Page<IncomingMessage> page = console.services().inbox().list(console.principal(),
                            new InboxQuery(null, null, null, null, q, InboxService.MAX_LIMIT, offset));
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

package app.smsdesk.desktop.ui;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.gateway.domain.Page;
import java.util.Objects;
import java.util.function.Consumer;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The part of a screen's view model that shows a long list one page at a time, as the gateway pages it: the
 * page's rows, where it is ({@code 51–100 of 2,345}), paging, the sort order (applied by the gateway to the
 * whole result, never to the page on screen) and the state of a CSV export of everything the filters match.
 * Messages and Inbox each own one; their filters decide what {@link Loader} asks the gateway for.
 *
 * @param <T> a row
 * @param <K> what the list can be sorted by
 */
public final class PagedList<T, K> {
    /** Fetches one page of the list in the given order (runs off the FX thread). */
    @FunctionalInterface
    public interface Loader<T, K> {
        Page<T> load(Sort<K> sort, int limit, int offset) throws Exception;
    }

    /** A sort order: the key and its direction. */
    public record Sort<K>(K key, boolean ascending) {
        public Sort {
            Objects.requireNonNull(key);
        }
    }

    private final Console console;
    private final ViewModel.Calls calls;
    private final int pageSize;
    private final String noun;
    private final String failureTitle;
    private final Loader<T, K> loader;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(this, "pageIndex", 0);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(this, "pageCount", 1);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total", 0);
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext", false);
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious", false);
    private final ReadOnlyObjectWrapper<Sort<K>> sort;
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting", false);
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress", 0);
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper(this, "exportStatus", "");
    private String emptyText = "";
    private Consumer<Page<T>> onLoaded = p -> { };
    private TaskRunner.Cancellable export;

    /**
     * @param calls the owner's way to call the gateway (its busy indicator and error dialogs)
     * @param noun what a row is, plural ("messages"), for the status texts
     * @param defaultSort the order until the user picks another
     */
    public PagedList(Console console, ViewModel.Calls calls, int pageSize, String noun, String failureTitle,
                     Sort<K> defaultSort, Loader<T, K> loader) {
        this.console = console;
        this.calls = calls;
        this.pageSize = pageSize;
        this.noun = noun;
        this.failureTitle = failureTitle;
        this.loader = loader;
        this.sort = new ReadOnlyObjectWrapper<>(this, "sort", defaultSort);
    }

    /** What the position text says when nothing matches (it depends on the owner's filters). */
    public void emptyText(String text) {
        this.emptyText = text;
    }

    /** Called with every page shown (the owner keeps its selection). */
    public void onLoaded(Consumer<Page<T>> listener) {
        this.onLoaded = listener;
    }

    /** Loads the current page again (filters or data changed; page index and order stay). */
    public void reload() {
        Sort<K> s = sort.get();
        int offset = pageIndex.get() * pageSize;
        calls.call(failureTitle, () -> loader.load(s, pageSize, offset), this::show);
    }

    /** Back to the first page, then loads (after the filters changed). */
    public void restart() {
        pageIndex.set(0);
        reload();
    }

    /** Sorts the whole list by {@code key} (on the gateway) and shows its first page. */
    public void sortBy(K key, boolean ascending) {
        Sort<K> wanted = new Sort<>(key, ascending);
        if (!wanted.equals(sort.get())) {
            sort.set(wanted);
            restart();
        }
    }

    private void show(Page<T> page) {
        items.setAll(page.items());
        total.set(page.total());
        int pages = (int) Math.max(1, (page.total() + pageSize - 1) / pageSize);
        pageCount.set(pages);
        long first = (long) pageIndex.get() * pageSize + 1;
        long last = first + page.items().size() - 1;
        pageText.set(page.total() == 0 ? emptyText : String.format("%,d\u2013%,d of %,d", first, last,
                page.total()));
        hasNext.set((long) (pageIndex.get() + 1) * pageSize < page.total());
        hasPrevious.set(pageIndex.get() > 0);
        onLoaded.accept(page);
    }

    public void firstPage() {
        goTo(0);
    }

    public void previousPage() {
        goTo(pageIndex.get() - 1);
    }

    public void nextPage() {
        goTo(pageIndex.get() + 1);
    }

    public void lastPage() {
        goTo(pageCount.get() - 1);
    }

    private void goTo(int page) {
        int p = Math.max(0, Math.min(page, pageCount.get() - 1));
        if (p != pageIndex.get()) {
            pageIndex.set(p);
            reload();
        }
    }

    /**
     * Runs a CSV export (of everything the owner's filters match, in the list's order) with progress; one at a
     * time. {@code work} returns how many rows it wrote.
     */
    public void export(String fileName, TaskRunner.ProgressWork<Long> work) {
        if (exporting.get()) {
            return;
        }
        exporting.set(true);
        exportProgress.set(0);
        exportStatus.set("Exporting\u2026");
        export = console.tasks().runWithProgress(work, exportProgress::set, n -> {
            exporting.set(false);
            exportProgress.set(1);
            exportStatus.set(String.format("Exported %,d %s to %s", n, noun, fileName));
        }, e -> {
            exporting.set(false);
            exportStatus.set("Export failed");
            console.dialogs().showError("Could not export the " + noun, e);
        });
    }

    public void cancelExport() {
        if (export != null && exporting.get()) {
            export.cancel();
            exportStatus.set("Export cancelled");
        }
    }

    public ObservableList<T> items() {
        return items;
    }

    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Sort<K>> sortProperty() {
        return sort.getReadOnlyProperty();
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
}

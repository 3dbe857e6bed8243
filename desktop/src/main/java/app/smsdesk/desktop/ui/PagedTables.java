package app.smsdesk.desktop.ui;

import atlantafx.base.theme.Styles;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

/** The controls of a table backed by a {@link PagedList}: server-side sorting, the pager and the export bar. */
public final class PagedTables {
    private PagedTables() {
    }

    /** A read-only column showing {@code value} of each row. */
    public static <T, R> TableColumn<T, R> column(String title, Function<T, R> value) {
        TableColumn<T, R> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    /**
     * Clicking a column header asks the gateway for the whole list in that order (first page), instead of the
     * table sorting the page it shows. Only the columns in {@code keys} can be sorted; the header shows the order
     * in force.
     */
    public static <T, K> void sortOnServer(TableView<T> table, PagedList<T, K> list, Map<TableColumn<T, ?>, K> keys) {
        for (TableColumn<T, ?> c : table.getColumns()) {
            c.setSortable(keys.containsKey(c));
        }
        PagedList.Sort<K> initial = list.sortProperty().get();
        keys.forEach((column, key) -> {
            if (key.equals(initial.key())) {
                column.setSortType(initial.ascending() ? TableColumn.SortType.ASCENDING
                        : TableColumn.SortType.DESCENDING);
                table.getSortOrder().setAll(column);
            }
        });
        table.setSortPolicy(t -> {
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<T, ?> by = t.getSortOrder().get(0);
                K key = keys.get(by);
                if (key != null) {
                    list.sortBy(key, by.getSortType() == TableColumn.SortType.ASCENDING);
                }
            } else {
                list.sortBy(initial.key(), initial.ascending()); // a third click clears it: back to the default
            }
            return true; // the rows stay as the gateway sent them
        });
    }

    /** "51–100 of 2,345" and first, previous, next and last page. */
    public static HBox pager(PagedList<?, ?> list) {
        Button first = button(Feather.CHEVRONS_LEFT, "First page", list::firstPage);
        Button prev = button(Feather.CHEVRON_LEFT, "Previous page (Ctrl+Page Up)", list::previousPage);
        prev.setId("page-previous");
        Button next = button(Feather.CHEVRON_RIGHT, "Next page (Ctrl+Page Down)", list::nextPage);
        next.setId("page-next");
        Button last = button(Feather.CHEVRONS_RIGHT, "Last page", list::lastPage);
        prev.disableProperty().bind(list.hasPreviousProperty().not());
        first.disableProperty().bind(prev.disableProperty());
        next.disableProperty().bind(list.hasNextProperty().not());
        last.disableProperty().bind(next.disableProperty());
        Label pageText = new Label();
        pageText.setId("page-text");
        pageText.getStyleClass().add(Styles.TEXT_MUTED);
        pageText.textProperty().bind(list.pageTextProperty());
        HBox pager = new HBox(4, pageText, Ui.spacer(), first, prev, next, last);
        pager.setAlignment(Pos.CENTER_LEFT);
        return pager;
    }

    /** The export's progress, its outcome and a Stop button; hidden until the first export. */
    public static HBox exportBar(PagedList<?, ?> list) {
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.progressProperty().bind(list.exportProgressProperty());
        bar.setPrefWidth(220);
        bar.visibleProperty().bind(list.exportingProperty());
        Label status = new Label();
        status.setId("export-status");
        status.textProperty().bind(list.exportStatusProperty());
        Button cancel = Ui.button("Stop", null, Styles.SMALL, Styles.FLAT);
        cancel.setOnAction(e -> list.cancelExport());
        cancel.visibleProperty().bind(list.exportingProperty());
        HBox box = new HBox(10, bar, status, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(list.exportStatusProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Button button(Feather icon, String tip, Runnable action) {
        Button b = new Button(null, Ui.icon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}

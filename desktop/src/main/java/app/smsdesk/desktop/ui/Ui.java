package app.smsdesk.desktop.ui;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small building blocks the screens share, so they look alike. */
public final class Ui {
    private Ui() {
    }

    public static FontIcon icon(Feather f) {
        return new FontIcon(f);
    }

    /** A page header: title, one-line subtitle, and the page's main actions on the right. */
    public static HBox header(String title, String subtitle, Node... actions) {
        Label t = new Label(title);
        t.getStyleClass().addAll(Styles.TITLE_3, "page-title");
        Label s = new Label(subtitle);
        s.getStyleClass().addAll(Styles.TEXT_MUTED);
        VBox text = new VBox(2, t, s);
        HBox box = new HBox(8);
        box.getChildren().add(text);
        box.getChildren().add(spacer());
        box.getChildren().addAll(actions);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("page-header");
        return box;
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        VBox.setVgrow(r, Priority.ALWAYS);
        return r;
    }

    public static Button button(String text, Feather icon, String... styles) {
        Button b = new Button(text, icon == null ? null : icon(icon));
        b.getStyleClass().addAll(styles);
        return b;
    }

    /** A small flat button that copies what {@code text} supplies. */
    public static Button copyButton(Clipboard clipboard, Supplier<String> text, String what) {
        Button b = new Button(null, icon(Feather.COPY));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "copy-button");
        b.setTooltip(new Tooltip("Copy " + what));
        b.setAccessibleText("Copy " + what);
        b.setOnAction(e -> {
            String value = text.get();
            if (value != null && !value.isEmpty()) {
                clipboard.copy(value);
                b.setGraphic(icon(Feather.CHECK));
                b.getGraphic().getStyleClass().add(Styles.SUCCESS);
            }
        });
        return b;
    }

    /** A coloured pill for a status word. */
    public static Label badge(String text, String tone) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", "badge-" + tone);
        return l;
    }

    /** Tone of a message or token state word (success, warning, danger, accent, muted). */
    public static String tone(String state) {
        return switch (state) {
            case "active", "Delivered", "online", "Sent" -> "success";
            case "Pending", "Processed", "Cancelling" -> "accent";
            case "Failed", "revoked", "offline" -> "danger";
            case "expiring", "waiting" -> "warning";
            default -> "muted";
        };
    }

    /** A warning callout that shows {@code text} and is there (visible and laid out) only while it is non-empty. */
    public static Label warningCallout(String id, Feather icon, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll("callout", "callout-warning");
        l.setGraphic(icon(icon));
        l.textProperty().bind(text);
        l.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** A card: a padded, bordered box with an optional title. */
    public static VBox card(String title, Node... content) {
        VBox box = new VBox(10);
        box.getStyleClass().add("card-box");
        if (title != null) {
            Label t = new Label(title);
            t.getStyleClass().addAll(Styles.TEXT_BOLD, "card-title");
            box.getChildren().add(t);
        }
        box.getChildren().addAll(content);
        box.setPadding(new Insets(16));
        return box;
    }

    public static <T> void tableDefaults(TableView<T> table, String emptyText) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        Label empty = new Label(emptyText);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        table.setPlaceholder(empty);
    }

    /** A muted, wrapping explanation. */
    public static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, "hint");
        l.setWrapText(true);
        return l;
    }

    /** Read-only monospace text with a copy button. */
    public static HBox copyField(Clipboard clipboard, String value, String what) {
        javafx.scene.control.TextField f = new javafx.scene.control.TextField(value);
        f.setEditable(false);
        f.getStyleClass().add("mono");
        HBox.setHgrow(f, Priority.ALWAYS);
        HBox box = new HBox(4, f, copyButton(clipboard, f::getText, what));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}

package app.smsdesk.desktop.shell;

import app.smsdesk.desktop.ui.AppIcons;
import app.smsdesk.desktop.ui.Themes;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window's content: sidebar, the current screen, and the status bar. */
public final class ShellView {
    private final ShellViewModel model;
    private final Function<Page, PageView> pages;
    private final Map<Page, PageView> created = new EnumMap<>(Page.class);
    private final Map<Page, ToggleButton> nav = new EnumMap<>(Page.class);
    private final StackPane content = new StackPane();
    private final BorderPane root = new BorderPane();
    private final javafx.beans.property.IntegerProperty running;
    private final Runnable about;
    private PageView current;

    public ShellView(ShellViewModel model, Function<Page, PageView> pages,
                     javafx.beans.property.ReadOnlyIntegerProperty tasksRunning, Runnable about) {
        this.model = model;
        this.pages = pages;
        this.about = about;
        this.running = new javafx.beans.property.SimpleIntegerProperty();
        this.running.bind(tasksRunning);
        root.getStyleClass().add("shell");
        root.setLeft(sidebar());
        content.getStyleClass().add("content");
        root.setCenter(content);
        root.setBottom(statusBar());
        model.pageProperty().addListener((o, was, is) -> show(is));
        show(model.pageProperty().get());
    }

    public BorderPane root() {
        return root;
    }

    /** Ctrl+1..9 switch screens; Ctrl+Shift+L toggles the theme; F1 shows About. */
    public void installShortcuts(Scene scene) {
        for (Page p : Page.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + p.shortcut());
            scene.getAccelerators().put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
                    () -> model.show(p));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), model::toggleTheme);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), about);
        Themes.style(scene);
    }

    private VBox sidebar() {
        ImageView logo = new ImageView(AppIcons.image(24));
        logo.setFitWidth(24);
        logo.setFitHeight(24);
        Label name = new Label("SMSDesk");
        name.getStyleClass().addAll(Styles.TITLE_4, "brand-name");
        HBox brand = new HBox(10, logo, name);
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.getStyleClass().add("brand");

        VBox items = new VBox(2);
        ToggleGroup group = new ToggleGroup();
        for (Page p : Page.values()) {
            ToggleButton b = new ToggleButton(p.title(), Ui.icon(icon(p)));
            b.setId("nav-" + p.name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add("nav-item");
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new Tooltip(p.subtitle() + "  (Ctrl+" + p.shortcut() + ")"));
            b.setOnAction(e -> {
                model.show(p);
                b.setSelected(true);
            });
            nav.put(p, b);
            items.getChildren().add(b);
            if (p == Page.INBOX || p == Page.WEBHOOKS) {
                Label section = new Label(p == Page.INBOX ? "CONNECT" : "ADMIN");
                section.getStyleClass().add("nav-section");
                items.getChildren().add(section);
            }
        }
        Button aboutButton = new Button("About SMSDesk", Ui.icon(Feather.INFO));
        aboutButton.setId("about");
        aboutButton.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "about-link");
        aboutButton.setTooltip(new Tooltip("Version, data directory and licences (F1)"));
        aboutButton.setOnAction(e -> about.run());
        Label versionText = new Label("Version " + model.version());
        versionText.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        versionText.setPadding(new javafx.geometry.Insets(0, 8, 0, 8));
        VBox version = new VBox(0, aboutButton, versionText);
        VBox side = new VBox(16, brand, items, Ui.spacer(), version);
        side.getStyleClass().add("sidebar");
        side.setMinWidth(210);
        side.setPrefWidth(210);
        return side;
    }

    static Feather icon(Page p) {
        return switch (p) {
            case DASHBOARD -> Feather.ACTIVITY;
            case MESSAGES -> Feather.SEND;
            case INBOX -> Feather.INBOX;
            case PHONES -> Feather.SMARTPHONE;
            case TOKENS -> Feather.KEY;
            case WEBHOOKS -> Feather.SHARE_2;
            case SETTINGS -> Feather.SLIDERS;
            case LOGS -> Feather.LIST;
            case ACCOUNT -> Feather.USER;
        };
    }

    private HBox statusBar() {
        Circle dot = new Circle(4);
        dot.getStyleClass().add("status-dot");
        Label running = new Label("Running");
        running.setTooltip(new Tooltip("The gateway runs inside this window; closing it stops the gateway unless "
                + "\u201ckeep running in background\u201d is on (Settings)"));
        Label url = new Label(model.gatewayUrl());
        url.setId("status-url");
        url.getStyleClass().add("mono");
        url.setTooltip(new Tooltip("Programs call the API here (HTTP)"));
        Button copyUrl = copyButton("Copy the API URL for programs");
        copyUrl.setOnAction(e -> model.copyGatewayUrl());
        Label https = new Label();
        https.setId("status-https");
        https.textProperty().bind(model.phonesUrlProperty());
        https.getStyleClass().add(model.httpsOn() ? "mono" : Styles.TEXT_MUTED);
        https.setTooltip(new Tooltip(model.httpsOn() ? "Phones connect here over HTTPS (Phones \u203a Pair a phone "
                + "shows every address)" : "Started with --https-port off"));
        Button copyHttps = copyButton("Copy the API URL for phones");
        copyHttps.setOnAction(e -> model.copyPhonesUrl());
        copyHttps.setVisible(model.httpsOn());
        copyHttps.setManaged(model.httpsOn());
        FontIcon phoneIcon = Ui.icon(Feather.SMARTPHONE);
        Label phones = new Label();
        phones.setId("status-phones");
        phones.setGraphic(phoneIcon);
        phones.textProperty().bind(model.phonesTextProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("status-busy");
        busy.setPrefSize(14, 14);
        busy.setMaxSize(14, 14);
        busy.visibleProperty().bind(this.running.greaterThan(0));
        Button theme = new Button();
        theme.setId("theme-toggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        theme.graphicProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> Ui.icon(model.darkProperty().get() ? Feather.SUN : Feather.MOON), model.darkProperty()));
        theme.setTooltip(new Tooltip("Light or dark theme (Ctrl+Shift+L)"));
        theme.setOnAction(e -> model.toggleTheme());
        for (Label l : new Label[] {url, https, phones}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(10, dot, running, sep(), muted("Programs"), url, copyUrl, sep(), muted("Phones"), https,
                copyHttps, sep(), phones, Ui.spacer(), busy, theme);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static Button copyButton(String tooltip) {
        Button b = new Button(null, Ui.icon(Feather.COPY));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        b.setTooltip(new Tooltip(tooltip));
        b.setAccessibleText(tooltip);
        return b;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label sep() {
        Label l = new Label("·");
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private void show(Page p) {
        if (current != null) {
            current.onHide();
        }
        current = created.computeIfAbsent(p, pages);
        content.getChildren().setAll(current.root());
        ToggleButton b = nav.get(p);
        if (b != null) {
            b.setSelected(true);
        }
        current.onShow();
    }

    /** Stops live updates of the current screen (window closing). */
    public void close() {
        if (current != null) {
            current.onHide();
        }
    }
}

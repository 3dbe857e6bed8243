package app.smsdesk.desktop.shell;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.ui.AppIcons;
import app.smsdesk.desktop.ui.Themes;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.theme.Styles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** About SMSDesk: the icon, name, version, where the data lives, and the licences. */
public final class AboutDialog {
    /** The licences of SMSDesk and of what it ships. */
    static final String LICENCES = "SMSDesk\u2019s code and artwork are under the Apache License 2.0. It "
            + "includes JavaFX (GPL 2 with the Classpath Exception), AtlantaFX, Bouncy Castle and SLF4J (MIT), "
            + "Undertow, SQLite JDBC, jose4j, Jackson, bcrypt, libphonenumber, ZXing and Ikonli (Apache 2.0), "
            + "SQLite (public domain) and the Feather icons (MIT).";

    private AboutDialog() {
    }

    /** Every library the console ships with its licence, listed at build time from the dependencies. */
    static String notices() {
        try (InputStream in = AboutDialog.class.getResourceAsStream("/app/smsdesk/desktop/THIRD-PARTY-NOTICES.txt")) {
            return in == null ? "The list of third-party notices is missing from this build."
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "The list of third-party notices could not be read: " + e.getMessage();
        }
    }

    private static TextArea noticesText() {
        TextArea text = new TextArea(notices());
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(12);
        text.getStyleClass().add("mono");
        return text;
    }

    public static void show(Window owner, Console console) {
        Dialog<Void> d = new Dialog<>();
        d.setTitle("About SMSDesk");
        d.initOwner(owner);
        d.getDialogPane().setId("about-dialog");
        ImageView icon = new ImageView(AppIcons.image(128));
        icon.setFitWidth(96);
        icon.setFitHeight(96);
        icon.setSmooth(true);
        Label name = new Label("SMSDesk");
        name.getStyleClass().addAll(Styles.TITLE_2);
        Label version = new Label("Version " + console.gateway().version());
        version.setId("about-version");
        version.getStyleClass().add(Styles.TEXT_MUTED);
        Label what = new Label("An SMS gateway for your own Android phones, compatible with the SMSGate API.");
        what.setWrapText(true);
        VBox title = new VBox(4, name, version, what);
        title.setAlignment(Pos.CENTER_LEFT);
        HBox head = new HBox(18, icon, title);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);

        Label dataTitle = new Label("Data directory");
        dataTitle.getStyleClass().add(Styles.TEXT_BOLD);
        HBox dataDir = Ui.copyField(console.clipboard(), console.gateway().dataDir(), "data directory");
        dataDir.lookup(".text-field").setId("about-data-dir");
        Label dataHint = Ui.hint("The database, keys and certificates. Back it up to keep your tokens and messages.");
        Label licences = Ui.hint(LICENCES);
        licences.setId("about-licences");
        TitledPane notices = new TitledPane("Third-party notices", noticesText());
        notices.setId("about-notices");
        notices.setExpanded(false);
        VBox box = new VBox(12, head, dataTitle, dataDir, dataHint, licences, notices);
        box.setPadding(new Insets(6, 0, 0, 0));
        d.getDialogPane().setContent(box);
        d.getDialogPane().setPrefWidth(560);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        Themes.style(d.getDialogPane().getScene());
        d.showAndWait();
    }
}

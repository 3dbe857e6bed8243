package app.smsdesk.desktop.shell;

import app.smsdesk.desktop.ui.Clipboard;
import app.smsdesk.desktop.ui.Themes;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** Shown once, on the very first start: the generated admin password and the phones' private token. */
public final class FirstRunDialog {
    private FirstRunDialog() {
    }

    public static void show(Window owner, Clipboard clipboard, String login, String password, String privateToken) {
        Dialog<Void> d = new Dialog<>();
        d.setTitle("Welcome to SMSDesk");
        d.initOwner(owner);
        d.getDialogPane().setId("first-run-dialog");
        Label intro = new Label("The gateway is set up. Keep these somewhere safe: this is the only time the "
                + "console shows the password.");
        intro.setWrapText(true);
        VBox box = new VBox(12, intro);
        if (password != null) {
            box.getChildren().addAll(title("Admin sign-in (Basic auth for programs, and this account)"),
                    row("Login", Ui.copyField(clipboard, login, "login")),
                    row("Password", Ui.copyField(clipboard, password, "password")));
        }
        if (privateToken != null) {
            box.getChildren().addAll(title("Private token (phones type it when they pair)"),
                    Ui.copyField(clipboard, privateToken, "private token"),
                    Ui.hint("You can see the private token again under Phones \u203a Pair a phone."));
        }
        Label next = new Label("Next: pair a phone under Phones, then create an API token for your programs "
                + "under API tokens.");
        next.setWrapText(true);
        next.setGraphic(Ui.icon(Feather.ARROW_RIGHT));
        next.getStyleClass().addAll("callout", "callout-accent");
        box.getChildren().add(next);
        box.setPadding(new Insets(6, 0, 0, 0));
        d.getDialogPane().setContent(box);
        d.getDialogPane().setPrefWidth(560);
        ButtonType ok = new ButtonType("I saved them", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok);
        d.getDialogPane().lookupButton(ok).getStyleClass().add(Styles.ACCENT);
        Themes.style(d.getDialogPane().getScene());
        d.showAndWait();
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static HBox row(String key, HBox field) {
        Label k = new Label(key);
        k.setMinWidth(80);
        HBox.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        HBox h = new HBox(8, k, field);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }
}

package app.smsdesk.desktop.shell;

import app.smsdesk.desktop.ui.Clipboard;
import app.smsdesk.desktop.ui.ModalHost;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Shown once, on the very first start: the generated admin password and the phones' private token, as a modal
 * card over the console window ({@link ModalHost}) until the admin confirms having saved them.
 */
public final class FirstRunDialog {
    private FirstRunDialog() {
    }

    public static void show(ModalHost host, Clipboard clipboard, String login, String password,
                            String privateToken) {
        Label heading = new Label("Welcome to SMSDesk");
        heading.getStyleClass().add("modal-title");
        Label intro = new Label("The gateway is set up. Keep these somewhere safe: this is the only time the "
                + "console shows the password.");
        intro.setWrapText(true);
        VBox box = new VBox(12, heading, intro);
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
        Button ok = new Button("I saved them");
        ok.setId("first-run-ok");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.setDefaultButton(true);
        ok.setOnAction(e -> host.hide());
        HBox buttons = new HBox(ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        box.getChildren().addAll(next, buttons);
        box.setPadding(new Insets(0));
        box.setId("first-run-dialog");
        box.setPrefWidth(560);
        host.show(box);
        ok.requestFocus();
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

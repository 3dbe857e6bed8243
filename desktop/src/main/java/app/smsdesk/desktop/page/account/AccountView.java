package app.smsdesk.desktop.page.account;

import app.smsdesk.desktop.shell.PageView;
import app.smsdesk.desktop.ui.Ui;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The account screen. */
public final class AccountView implements PageView {
    private final VBox root;

    public AccountView(AccountViewModel model) {
        PasswordField current = field(model.currentProperty(), "account-current");
        PasswordField next = field(model.nextProperty(), "account-new");
        PasswordField repeat = field(model.repeatProperty(), "account-repeat");
        Label problem = new Label();
        problem.getStyleClass().add(Styles.TEXT_MUTED);
        problem.textProperty().bind(model.problemProperty());
        Button change = Ui.button("Change password", Feather.LOCK, Styles.ACCENT);
        change.setId("account-change");
        change.disableProperty().bind(model.canChangeProperty().not().or(model.busyProperty()));
        change.setOnAction(e -> model.change());
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        g.addRow(0, new Label("Login"), new Label(model.login()));
        g.addRow(1, new Label("Current password"), current);
        g.addRow(2, new Label("New password"), next);
        g.addRow(3, new Label("Repeat new password"), repeat);
        VBox card = Ui.card("Change password", g, problem, Ui.hint("Changing the password revokes every API token "
                + "of the account. Programs that use Basic auth need the new password."), change);
        card.setMaxWidth(620);
        root = new VBox(14, Ui.header("Account", "Your sign-in for this gateway."), card);
        root.setPadding(new Insets(20, 24, 16, 24));
    }

    private static PasswordField field(javafx.beans.property.StringProperty p, String id) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.setPrefColumnCount(24);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    @Override
    public Node root() {
        return root;
    }
}

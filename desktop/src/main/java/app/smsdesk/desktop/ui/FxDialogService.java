package app.smsdesk.desktop.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Alerts styled like the rest of the console, owned by the main window. */
public final class FxDialogService implements DialogService {
    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, Throwable error) {
        Problem p = Problem.of(error);
        if (p.message().startsWith("Something unexpected")) {
            LOG.error("{}", title, error);
        }
        Alert a = alert(Alert.AlertType.ERROR, title);
        a.setHeaderText(p.message());
        Label hint = new Label(p.hint());
        hint.setWrapText(true);
        a.getDialogPane().setContent(hint);
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setPrefRowCount(12);
        details.getStyleClass().add("mono");
        a.getDialogPane().setExpandableContent(new VBox(details));
        a.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert a = alert(Alert.AlertType.INFORMATION, title);
        a.setHeaderText(message);
        a.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, title);
        a.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        a.getDialogPane().setContent(text);
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(ButtonType.CANCEL, go);
        a.getDialogPane().lookupButton(go).getStyleClass().add("danger");
        a.getDialogPane().lookupButton(go).setId("confirm-action");
        Optional<ButtonType> answer = a.showAndWait();
        return answer.isPresent() && answer.get() == go;
    }

    private Alert alert(Alert.AlertType type, String title) {
        Alert a = new Alert(type);
        a.setTitle(title);
        Window w = owner.get();
        if (w != null) {
            a.initOwner(w);
        }
        a.getDialogPane().setMinWidth(460);
        a.getDialogPane().setPrefWidth(520);
        Themes.style(a.getDialogPane().getScene());
        return a;
    }
}

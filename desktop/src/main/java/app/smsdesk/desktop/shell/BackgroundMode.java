package app.smsdesk.desktop.shell;

import app.smsdesk.desktop.Console;
import java.util.Optional;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What closing the window does. By default the console stops (and with it the gateway). When the admin chose
 * "keep running in background", the window hides and the SMSDesk icon stays in the system tray with Open and
 * Quit; on a desktop without a tray the console says so and stops cleanly.
 */
public final class BackgroundMode {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundMode.class);

    private final Stage stage;
    private final Console console;
    private final Runnable exit;
    private Tray.Icon icon;
    private boolean installing;

    private BackgroundMode(Stage stage, Console console, Runnable exit) {
        this.stage = stage;
        this.console = console;
        this.exit = exit;
    }

    /**
     * Takes over the window's close button.
     *
     * @param exit stops the console (the app's {@code Platform::exit}, which stops the gateway)
     */
    static BackgroundMode install(Stage stage, Console console, Runnable exit) {
        BackgroundMode mode = new BackgroundMode(stage, console, exit);
        // A hidden window must not end the application: the console exits only through exit.
        Platform.setImplicitExit(false);
        stage.setOnCloseRequest(mode::closeRequested);
        return mode;
    }

    private void closeRequested(WindowEvent e) {
        e.consume();
        if (!console.preferences().keepRunningInBackground()) {
            exit.run();
        } else if (icon != null) {
            stage.hide();
        } else if (!installing) {
            installing = true;
            console.tasks().run(() -> console.tray().install(this::openFromTray, this::quitFromTray),
                    this::installed, this::noTray);
        }
    }

    private void installed(Optional<Tray.Icon> result) {
        installing = false;
        if (result.isEmpty()) {
            noTray(null);
            return;
        }
        icon = result.get();
        stage.hide();
        LOG.info("window hidden; SMSDesk keeps running in the system tray");
    }

    private void noTray(Throwable error) {
        installing = false;
        LOG.info("no system tray{}; stopping instead of running in the background",
                error == null ? "" : " (" + error + ")");
        console.dialogs().showInfo("SMSDesk stops", "This desktop has no system tray, so SMSDesk cannot keep running "
                + "in the background. The gateway stops now; start SMSDesk again (or run the headless gateway) to "
                + "serve phones and programs.");
        exit.run();
    }

    private void openFromTray() {
        Platform.runLater(() -> {
            stage.show();
            stage.setIconified(false);
            stage.toFront();
        });
    }

    private void quitFromTray() {
        Platform.runLater(exit);
    }

    /** True while the window is hidden and the icon is in the tray. */
    public boolean inTray() {
        return icon != null && !stage.isShowing();
    }

    /** Removes the tray icon (the console is stopping). */
    void close() {
        if (icon != null) {
            icon.remove();
            icon = null;
        }
    }
}

package app.smsdesk.desktop;

import app.smsdesk.desktop.shell.AwtTray;
import app.smsdesk.desktop.shell.ConsoleWindow;
import app.smsdesk.desktop.shell.FirstRunDialog;
import app.smsdesk.desktop.task.FxTaskRunner;
import app.smsdesk.desktop.ui.FxClipboard;
import app.smsdesk.desktop.ui.FxDialogService;
import app.smsdesk.desktop.ui.Problem;
import app.smsdesk.desktop.ui.Themes;
import app.smsdesk.gateway.Gateway;
import app.smsdesk.gateway.domain.Principal;
import java.time.ZoneId;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console: starts the embedded gateway (same options, environment and data directory as the headless
 * jar) before the window opens, and stops it cleanly when the window closes.
 */
public final class DesktopApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private Gateway gateway;
    private RuntimeException startFailure;
    private FxTaskRunner tasks;
    private ConsoleWindow window;

    public static void main(String[] args) {
        launch(DesktopApp.class, args);
    }

    @Override
    public void init() {
        // Runs on the launcher thread, not the FX thread: opening the database and binding the port may take time.
        try {
            ConsoleCommandLine.Result cli = ConsoleCommandLine.parse(getParameters().getRaw().toArray(String[]::new),
                    System.getenv());
            if (cli instanceof ConsoleCommandLine.Result.Print p) { // started without the Launcher
                Launcher.print(p.text().stripTrailing());
                return;
            }
            gateway = Gateway.start(((ConsoleCommandLine.Result.Run) cli).config());
        } catch (RuntimeException e) {
            LOG.error("the gateway could not start", e);
            startFailure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        if (gateway == null) {
            if (startFailure != null) {
                showStartFailure();
            }
            Platform.exit();
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtExceptionHandler());
        tasks = new FxTaskRunner();
        ConsolePreferences prefs = ConsolePreferences.user();
        String admin = gateway.services().accounts().primaryUserId();
        Console console = new Console(gateway.services(), Principal.console(admin), tasks,
                new FxDialogService(() -> stage), new FxClipboard(), gateway.config().clock(), ZoneId.systemDefault(),
                GatewayInfo.of(gateway), prefs, new AwtTray());
        // -Dsmsdesk.theme=dark|light and -Dsmsdesk.page=TOKENS open the console in a given state (screenshots, demos).
        String theme = System.getProperty("smsdesk.theme");
        boolean dark = theme == null ? prefs.darkTheme() : "dark".equals(theme);
        window = ConsoleWindow.show(stage, console, dark, Platform::exit);
        String page = System.getProperty("smsdesk.page");
        if (page != null) {
            java.util.Arrays.stream(app.smsdesk.desktop.shell.Page.values())
                    .filter(p -> p.name().equalsIgnoreCase(page)).findFirst().ifPresent(window.model()::show);
        }
        if (FirstFrameProbe.requested()) {
            FirstFrameProbe.install(stage);
            return;
        }
        Gateway.FirstRun first = gateway.firstRun();
        if (!first.isEmpty()) {
            FirstRunDialog.show(window.modal(), console.clipboard(), admin, first.adminPassword(),
                    first.privateToken());
        }
    }

    private void showStartFailure() {
        Themes.apply(false);
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setTitle("SMSDesk");
        String message = String.valueOf(startFailure.getMessage());
        boolean portInUse = message.toLowerCase(java.util.Locale.ROOT).contains("address already in use")
                || (startFailure.getCause() != null && String.valueOf(startFailure.getCause().getMessage())
                .toLowerCase(java.util.Locale.ROOT).contains("address already in use"));
        if (portInUse) {
            a.setHeaderText("The gateway could not start: its port is taken by another program.");
            a.setContentText("Close the other program (perhaps SMSDesk is already running), or start SMSDesk "
                    + "with another port, e.g. --port 3001.");
        } else if (startFailure instanceof IllegalArgumentException) {
            a.setHeaderText("The command line could not be understood: " + message);
            a.setContentText("Run with --help to see the options.");
        } else {
            Problem p = Problem.of(startFailure);
            a.setHeaderText("The gateway could not start. " + p.message());
            a.setContentText("Check that the data directory is writable and not used by another SMSDesk. " + p.hint());
        }
        a.showAndWait();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Logs uncaught errors and shows them in a dialog that says what to do. */
    private static final class UncaughtExceptionHandler implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            LOG.error("uncaught error on {}", t.getName(), e);
            if (Platform.isFxApplicationThread()) {
                new FxDialogService(() -> null).showError("Unexpected error", e);
            }
        }
    }
}

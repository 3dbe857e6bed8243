package app.smsdesk.desktop.shell;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.ui.AppIcons;
import app.smsdesk.desktop.ui.ModalHost;
import app.smsdesk.desktop.ui.Themes;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Puts the console into a stage: theme, icon, shell, shortcuts, what the close button does. Used by the app and
 * by the window tests.
 */
public final class ConsoleWindow {
    private final ShellViewModel model;
    private final ShellView view;
    private final BackgroundMode background;
    private final ModalHost modal;

    private ConsoleWindow(ShellViewModel model, ShellView view, BackgroundMode background, ModalHost modal) {
        this.model = model;
        this.view = view;
        this.background = background;
        this.modal = modal;
    }

    /**
     * Shows the console in {@code stage}.
     *
     * @param dark start in the dark theme (later changes are saved in the console's preferences)
     * @param exit stops the console; the close button calls it, or hides the window to the tray instead
     */
    public static ConsoleWindow show(Stage stage, Console console, boolean dark, Runnable exit) {
        Themes.apply(dark);
        ShellViewModel model = new ShellViewModel(console, dark, console.preferences()::setDarkTheme);
        model.darkProperty().addListener((o, was, is) -> Themes.apply(is));
        ShellView view = new ShellView(model, p -> Pages.create(p, console), console.tasks().runningProperty(),
                () -> AboutDialog.show(stage, console));
        ModalHost modal = new ModalHost(view.root());
        Scene scene = new Scene(modal.root(), 1280, 800);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.setTitle("SMSDesk \u2014 " + console.gateway().localUrl());
        stage.getIcons().setAll(AppIcons.all());
        BackgroundMode background = BackgroundMode.install(stage, console, exit);
        stage.show();
        // After show: on some Linux window managers a minimum set before showing becomes the first size.
        stage.setMinWidth(980);
        stage.setMinHeight(620);
        model.start();
        return new ConsoleWindow(model, view, background, modal);
    }

    public ShellViewModel model() {
        return model;
    }

    /** Modal content over the whole window (the first-run secrets). */
    public ModalHost modal() {
        return modal;
    }

    /** What the close button does. */
    public BackgroundMode background() {
        return background;
    }

    /** Stops live updates and removes the tray icon (before the gateway closes). */
    public void close() {
        model.stop();
        view.close();
        background.close();
    }
}

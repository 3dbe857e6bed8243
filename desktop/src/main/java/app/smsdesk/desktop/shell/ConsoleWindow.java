package app.smsdesk.desktop.shell;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.ui.Themes;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts the console into a stage: theme, shell, shortcuts. Used by the app and by the window tests. */
public final class ConsoleWindow {
    private final ShellViewModel model;
    private final ShellView view;

    private ConsoleWindow(ShellViewModel model, ShellView view) {
        this.model = model;
        this.view = view;
    }

    public static ConsoleWindow show(Stage stage, Console console, boolean dark, Consumer<Boolean> saveTheme) {
        Themes.apply(dark);
        ShellViewModel model = new ShellViewModel(console, dark, saveTheme);
        model.darkProperty().addListener((o, was, is) -> Themes.apply(is));
        ShellView view = new ShellView(model, p -> Pages.create(p, console), console.tasks().runningProperty());
        Scene scene = new Scene(view.root(), 1280, 800);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.setTitle("SMSDesk \u2014 " + console.gateway().localUrl());
        stage.setMinWidth(980);
        stage.setMinHeight(620);
        stage.show();
        model.start();
        return new ConsoleWindow(model, view);
    }

    public ShellViewModel model() {
        return model;
    }

    /** Stops live updates (before the gateway closes). */
    public void close() {
        model.stop();
        view.close();
    }
}

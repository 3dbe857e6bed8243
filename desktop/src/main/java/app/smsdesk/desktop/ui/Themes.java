package app.smsdesk.desktop.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark: AtlantaFX Primer themes plus the console's own stylesheet. */
public final class Themes {
    private static final String APP_CSS = Themes.class.getResource("/app/smsdesk/desktop/console.css")
            .toExternalForm();

    private Themes() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the console stylesheet to a scene (the main window and every dialog). */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
    }
}

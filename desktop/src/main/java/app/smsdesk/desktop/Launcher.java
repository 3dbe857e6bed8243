package app.smsdesk.desktop;

import app.smsdesk.gateway.GatewayMain;

/**
 * The jar's main class. It does not extend {@code Application}, so the JavaFX runtime loads from the classpath
 * of a fat jar. It checks the command line first, so mistakes and {@code --help} answer on the terminal.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            if (GatewayMain.commandLine(args, System.getenv()).isEmpty()) {
                return; // --help or --version was printed
            }
        } catch (IllegalArgumentException e) {
            System.err.println("smsdesk: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
        }
        DesktopApp.main(args);
    }
}

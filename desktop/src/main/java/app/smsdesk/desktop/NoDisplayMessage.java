package app.smsdesk.desktop;

import java.util.Optional;

/**
 * Turns JavaFX's start-up failures on a machine without a usable desktop into a message that says what is
 * missing and how to install it (JavaFX only throws {@code UnsupportedOperationException} with a terse text).
 */
final class NoDisplayMessage {
    private NoDisplayMessage() {
    }

    /** The message for {@code failure}, or empty when it is some other problem. */
    static Optional<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Unable to load glass GTK library")) {
                return Optional.of(gtkMissing());
            }
            if (m.contains("Unable to open DISPLAY")) {
                return Optional.of(noDisplay());
            }
        }
        return Optional.empty();
    }

    private static String gtkMissing() {
        return """
                smsdesk: the console window needs the GTK 3 library, which is not installed on this computer.
                  Debian, Ubuntu, Mint:   sudo apt install libgtk-3-0   (on Debian 13 / Ubuntu 24.04: libgtk-3-0t64)
                  Fedora, RHEL:           sudo dnf install gtk3
                  openSUSE:               sudo zypper install gtk3
                  Arch:                   sudo pacman -S gtk3
                Then start SMSDesk again. The .deb package installs it for you.
                To run the gateway without a window instead: smsdesk-gateway (or java -jar smsdesk-gateway.jar).
                """;
    }

    private static String noDisplay() {
        return """
                smsdesk: there is no graphical display to open the console window on (DISPLAY is not set or the
                display cannot be reached). Start it from the desktop session, or over SSH with X forwarding
                (ssh -X). To run the gateway without a window: smsdesk-gateway (or java -jar smsdesk-gateway.jar).
                """;
    }
}

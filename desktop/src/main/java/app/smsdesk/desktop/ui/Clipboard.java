package app.smsdesk.desktop.ui;

/** Puts text on the system clipboard (an interface so view models stay free of javafx.scene). */
@FunctionalInterface
public interface Clipboard {
    void copy(String text);
}

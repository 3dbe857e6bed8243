package app.smsdesk.desktop.ui;

/**
 * The one place that shows alerts, confirmations and errors. View models call it from their commands (on the
 * FX thread); tests give a scripted implementation.
 */
public interface DialogService {
    /** Shows what went wrong and what to do about it (details expandable, never only a stack trace). */
    void showError(String title, Throwable error);

    void showInfo(String title, String message);

    /** Asks before a destructive action; true when the admin confirmed with {@code action}. */
    boolean confirm(String title, String message, String action);
}

package app.smsdesk.desktop.shell;

import java.util.Optional;

/**
 * The system tray, where the console leaves an icon while its window is hidden ("keep running in background").
 * {@link AwtTray} is the real one; both calls may load AWT, so make them off the FX thread.
 */
public interface Tray {
    /** True when this desktop shows tray icons: false headless and on desktops without a tray (some Linux ones). */
    boolean supported();

    /**
     * Shows the SMSDesk icon with "Open SMSDesk" and "Quit". The actions run on the tray's (AWT) thread.
     *
     * @return the icon, or empty when this desktop has no tray or it refused the icon
     */
    Optional<Icon> install(Runnable open, Runnable quit);

    /** An icon in the tray. */
    interface Icon {
        void remove();
    }
}

package app.smsdesk.desktop;

import java.util.prefs.Preferences;

/**
 * The console's own choices for this computer's user, as opposed to the gateway's settings (which live in its
 * data directory and reach the phones): the theme, and whether closing the window keeps the gateway running.
 */
public interface ConsolePreferences {
    boolean darkTheme();

    void setDarkTheme(boolean dark);

    /** When true, closing the window hides it to the system tray and the gateway keeps serving. */
    boolean keepRunningInBackground();

    void setKeepRunningInBackground(boolean keep);

    /** Stored with {@link Preferences} for the user (survives restarts). */
    static ConsolePreferences user() {
        Preferences node = Preferences.userNodeForPackage(ConsolePreferences.class);
        return new ConsolePreferences() {
            @Override
            public boolean darkTheme() {
                return node.getBoolean("dark-theme", false);
            }

            @Override
            public void setDarkTheme(boolean dark) {
                node.putBoolean("dark-theme", dark);
            }

            @Override
            public boolean keepRunningInBackground() {
                return node.getBoolean("keep-running-in-background", false);
            }

            @Override
            public void setKeepRunningInBackground(boolean keep) {
                node.putBoolean("keep-running-in-background", keep);
            }
        };
    }

    /** Kept in memory only (tests). */
    static ConsolePreferences inMemory() {
        return new ConsolePreferences() {
            private volatile boolean dark;
            private volatile boolean keep;

            @Override
            public boolean darkTheme() {
                return dark;
            }

            @Override
            public void setDarkTheme(boolean d) {
                dark = d;
            }

            @Override
            public boolean keepRunningInBackground() {
                return keep;
            }

            @Override
            public void setKeepRunningInBackground(boolean k) {
                keep = k;
            }
        };
    }
}

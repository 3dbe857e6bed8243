package app.smsdesk.desktop.testing;

import app.smsdesk.desktop.shell.Tray;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A system tray the test controls: present or not, and its Open and Quit items clicked by hand. */
public final class FakeTray implements Tray {
    private volatile boolean supported = true;
    private final AtomicInteger installed = new AtomicInteger();
    private final AtomicInteger removed = new AtomicInteger();
    private volatile Runnable open;
    private volatile Runnable quit;

    public FakeTray supported(boolean yes) {
        supported = yes;
        return this;
    }

    @Override
    public boolean supported() {
        return supported;
    }

    @Override
    public Optional<Icon> install(Runnable openAction, Runnable quitAction) {
        if (!supported) {
            return Optional.empty();
        }
        installed.incrementAndGet();
        open = openAction;
        quit = quitAction;
        return Optional.of(removed::incrementAndGet);
    }

    /** Icons put in the tray so far. */
    public int installed() {
        return installed.get();
    }

    public int removed() {
        return removed.get();
    }

    /** Clicks "Open SMSDesk" (from a non-FX thread, as AWT would). */
    public void clickOpen() {
        open.run();
    }

    /** Clicks "Quit". */
    public void clickQuit() {
        quit.run();
    }
}

package app.smsdesk.gateway.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Starts {@link LeakWatch} before the first test (registered in META-INF/services). */
public final class LeakWatchSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LeakWatch.install();
    }
}

package app.smsdesk.desktop;

import java.lang.management.ManagementFactory;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Cold-start measurement hook for the benchmark suite. Started with {@code -Dsmsdesk.exitAfterFirstFrame=true},
 * the console prints exactly one line, {@code first frame after N ms}, and then exits cleanly (the gateway
 * closes as on any exit). N runs from the JVM's start ({@code RuntimeMXBean.getStartTime()}, so class loading,
 * the embedded gateway's start and the window's construction all count) to the first pulse after the main
 * window is shown, when its first frame goes to the screen. For example:
 * <pre>
 * java -Dsmsdesk.exitAfterFirstFrame=true -jar desktop/target/smsdesk.jar --data-dir DIR --port 0 --https-port 0
 * </pre>
 * The first-run dialog is skipped in this mode, so a fresh data directory measures the same window; use a
 * throwaway data directory (or set {@code SMSDESK_ADMIN_PASSWORD}), as a generated password is not shown.
 */
final class FirstFrameProbe {
    static final String PROPERTY = "smsdesk.exitAfterFirstFrame";

    private FirstFrameProbe() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Reports through the {@link Launcher} and exits the application. */
    static void install(Stage stage) {
        install(stage, () -> ManagementFactory.getRuntimeMXBean().getStartTime(), System::currentTimeMillis,
                Launcher::print, Platform::exit);
    }

    /**
     * Waits for the first pulse after {@code stage} is showing, then reports once and exits.
     *
     * @param jvmStart epoch millis the JVM started (read only when reporting, so measuring costs nothing before)
     * @param now epoch millis now
     */
    static void install(Stage stage, LongSupplier jvmStart, LongSupplier now, Consumer<String> report, Runnable exit) {
        Scene scene = stage.getScene();
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (!stage.isShowing()) {
                return;
            }
            long at = now.getAsLong();
            scene.removePostLayoutPulseListener(self[0]);
            report.accept("first frame after " + (at - jvmStart.getAsLong()) + " ms");
            // Not inside the pulse: let it finish (and the frame render) first.
            Platform.runLater(exit);
        };
        scene.addPostLayoutPulseListener(self[0]);
    }
}

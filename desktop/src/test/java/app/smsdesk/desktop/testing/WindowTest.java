package app.smsdesk.desktop.testing;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.shell.ConsoleWindow;
import app.smsdesk.desktop.task.FxTaskRunner;
import app.smsdesk.desktop.ui.FxClipboard;
import app.smsdesk.desktop.ui.FxDialogService;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real console window (headless with Monocle unless -Dgui) over a real embedded gateway, with the
 * app's own task runner, dialogs and clipboard.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class WindowTest {
    protected TestConsole tc;
    protected Console console;
    protected ConsoleWindow window;
    protected Stage stage;
    /** How often the console asked to exit (the app would stop there). */
    protected final java.util.concurrent.atomic.AtomicInteger exits = new java.util.concurrent.atomic.AtomicInteger();
    private FxTaskRunner runner;

    // TestFX looks for @Start only in the test class itself, so the base class sets the stage up here.
    @BeforeEach
    public void openWindow() throws TimeoutException {
        tc = new TestConsole();
        runner = new FxTaskRunner();
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            console = tc.console(runner, new FxDialogService(() -> s), new FxClipboard());
            window = ConsoleWindow.show(s, console, false, exits::incrementAndGet);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    public void closeWindow() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(() -> {
            if (window != null) {
                window.close();
            }
            // A failed test may leave a dialog open; it must not block the next one.
            for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        runner.shutdown();
        tc.close();
    }

    /** Waits (up to 10 s) until the condition holds, checking it on the FX thread. */
    protected static void await(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }

    protected static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected static <T extends Node> T find(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }
}

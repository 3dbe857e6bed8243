package app.smsdesk.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FirstFrameProbeTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AtomicInteger exits = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private Stage stage;

    @AfterEach
    void close() {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(() -> stage.close());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void reportsOnceAtTheFirstPulseAfterTheWindowShowsThenExits() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new Label("console"), 200, 100));
            FirstFrameProbe.install(stage, () -> 1_000_000 - 1234, now::get, lines::add, exits::incrementAndGet);
        }).get(10, TimeUnit.SECONDS);
        // Pulses before the window shows do not count.
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().requestLayout()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lines).isEmpty();

        WaitForAsyncUtils.asyncFx(() -> stage.show()).get(10, TimeUnit.SECONDS);
        waitFor(() -> exits.get() == 1);

        assertThat(lines).containsExactly("first frame after 1234 ms");
        now.addAndGet(500);
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().requestLayout()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lines).hasSize(1);
        assertThat(exits.get()).isEqualTo(1);
    }

    @Test
    void isOffUnlessAsked() {
        assertThat(FirstFrameProbe.requested()).isFalse();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}

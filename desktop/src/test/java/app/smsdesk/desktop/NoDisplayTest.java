package app.smsdesk.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a usable desktop the console says what is missing, in words, instead of dying with a stack trace. */
class NoDisplayTest {
    @TempDir
    Path dir;

    @Test
    void theConsoleWithoutADisplayOrGtkExplainsWhatIsMissing() throws Exception {
        // The real launcher in a child JVM, on the real JavaFX (GTK) platform, with no display to open: on a
        // machine without GTK 3 it fails on the library, otherwise on the display; both must be explained.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--data-dir", dir.resolve("data").toString(), "--port", "0", "--https-port", "0");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isEqualTo(1);
        assertThat(out).containsAnyOf("needs the GTK 3 library", "no graphical display")
                .contains("smsdesk-gateway").doesNotContain("\tat com.sun");
    }

    @Test
    void theMessagesNameWhatToInstall() {
        assertThat(NoDisplayMessage.of(new RuntimeException(new UnsupportedOperationException(
                "Unable to load glass GTK library.")))).get().asString().contains("sudo apt install libgtk-3-0")
                .contains("sudo dnf install gtk3");
        assertThat(NoDisplayMessage.of(new UnsupportedOperationException("Unable to open DISPLAY"))).get()
                .asString().contains("ssh -X");
        assertThat(NoDisplayMessage.of(new IllegalStateException("port in use"))).isEmpty();
    }
}

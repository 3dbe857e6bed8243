package app.smsdesk.gateway.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Shared knobs of the reliability batteries. {@code -Dreliability.long=true} runs the long versions (the figures
 * of RELIABILITY.md); {@code -Dreliability.seed=N} replays a run. Each battery writes its figures to
 * {@code target/reliability/NAME.txt}.
 */
final class Reliability {
    private Reliability() {
    }

    /** True for the on-demand long versions. */
    static boolean longRun() {
        return Boolean.getBoolean("reliability.long");
    }

    /** {@code short} in the normal suite, {@code long} on demand. */
    static int pick(int shortValue, int longValue) {
        return longRun() ? longValue : shortValue;
    }

    static double pick(double shortValue, double longValue) {
        return longRun() ? longValue : shortValue;
    }

    /** The random seed: given, or fresh (and printed with the figures, so a failure can be replayed). */
    static long seed() {
        String given = System.getProperty("reliability.seed");
        return given == null || given.isBlank() ? System.nanoTime() : Long.parseLong(given.strip());
    }

    /** Writes a battery's figures to {@code target/reliability/NAME.txt} and standard output. */
    static void report(String name, List<String> lines) {
        String text = String.join("\n", lines) + "\n";
        System.out.print("[" + name + "]\n" + text);
        try {
            Path dir = Path.of("target", "reliability");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port that was free a moment ago (a restarted gateway must come back on the same one). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

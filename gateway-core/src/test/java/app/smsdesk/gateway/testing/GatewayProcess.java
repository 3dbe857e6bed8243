package app.smsdesk.gateway.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable gateway ({@code GatewayMain}) in its own JVM, started from the test class path. Its standard output
 * is collected line by line; its log (standard error) goes to a file that failures quote.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("SMSDesk gateway listening on http://([^:]+):(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path stderr;
    private final List<String> lines = new ArrayList<>();
    private final CompletableFuture<Matcher> listening = new CompletableFuture<>();
    private final Thread reader;
    private boolean logCaptured;

    private GatewayProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readStdout, "gateway-process-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -cp <test class path> app.smsdesk.gateway.GatewayMain args...} with the given
     * SMSDESK_* variables (any inherited ones are removed) and waits for the "listening" line.
     */
    public static GatewayProcess start(Path logDir, Map<String, String> smsdeskEnv, String... args) {
        return start(logDir, List.of(), smsdeskEnv, args);
    }

    /** As {@link #start(Path, Map, String...)}, with options for the JVM (heap size, log level). */
    public static GatewayProcess start(Path logDir, List<String> jvmOptions, Map<String, String> smsdeskEnv,
                                       String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", testClassPath(), "app.smsdesk.gateway.GatewayMain"));
        command.addAll(List.of(args));
        try {
            Path stderr = Files.createTempFile(logDir, "gateway-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            pb.environment().keySet().removeIf(k -> k.startsWith("SMSDESK_"));
            pb.environment().putAll(smsdeskEnv);
            GatewayProcess p = new GatewayProcess(pb.start(), stderr);
            p.process.getOutputStream().close();
            p.awaitListening();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a one-shot run of the launcher (such as {@code --backup}) printed and returned. */
    public record Exit(int code, String stdout, String stderr) {
    }

    /** Runs the launcher with {@code args} until it exits by itself (one-shot commands). */
    public static Exit runToExit(Path logDir, String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", testClassPath(),
                "app.smsdesk.gateway.GatewayMain"));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(logDir, "launcher-", ".out");
            Path err = Files.createTempFile(logDir, "launcher-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("SMSDESK_"));
            Process p = pb.start();
            if (!p.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the launcher did not exit: " + command);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            LeakWatch.capture("launcher output", stderr);
            return new Exit(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
                Matcher m = LISTENING.matcher(line);
                if (m.matches()) {
                    listening.complete(m);
                }
            }
        } catch (IOException e) {
            // the process was killed; what was read is kept
        } finally {
            listening.completeExceptionally(new IllegalStateException("the gateway's output ended"));
        }
    }

    private void awaitListening() {
        try {
            listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("the gateway did not report that it listens: " + describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The announced {@code http://host:port}. */
    public String baseUrl() {
        Matcher m = listening.join();
        return "http://" + m.group(1) + ":" + m.group(2);
    }

    public String api() {
        return baseUrl() + "/3rdparty/v1";
    }

    public Process process() {
        return process;
    }

    /** Standard output so far (after {@link #waitFor} it is complete). */
    public List<String> stdout() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits for the process to end and for its output to be read; returns the exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the gateway did not end within " + timeout + ": " + describe());
            }
            reader.join(timeout.toMillis());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The file the gateway's log (standard error) goes to. */
    public Path logFile() {
        return stderr;
    }

    /** {@code kill -9} (on Linux {@link Process#destroyForcibly()} is SIGKILL); returns the exit code. */
    public int kill(Duration timeout) {
        process.destroyForcibly();
        int code = waitFor(timeout);
        captureLog();
        return code;
    }

    /** Output and log, for assertion messages. */
    public String describe() {
        String log;
        try {
            log = Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log = "(log unreadable: " + e + ")";
        }
        return "\n--- stdout ---\n" + String.join("\n", stdout()) + "\n--- log ---\n" + log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
        captureLog();
    }

    /** Hands the log to the leak watch, once. */
    private void captureLog() {
        if (logCaptured) {
            return;
        }
        logCaptured = true;
        try {
            LeakWatch.capture("log of gateway process " + process.pid(), Files.readString(stderr,
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Surefire exposes the real test class path here; plain runs have it in {@code java.class.path}. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}

package app.smsdesk.desktop;

import java.io.PrintStream;
import java.util.Map;

/**
 * The jar's main class. It does not extend {@code Application}, so the JavaFX runtime loads from the classpath
 * of a fat jar. It reads the command line first, so mistakes, {@code --help} and {@code --version} answer on the
 * terminal without opening a window. It is the only class that writes to standard output.
 */
public final class Launcher {
    /** {@link #check} result: open the console. */
    static final int OPEN = -1;

    private Launcher() {
    }

    public static void main(String[] args) {
        app.smsdesk.gateway.Gateway.refuseClientRenegotiation();
        int code = check(args, System.getenv(), System.out, System.err);
        if (code != OPEN) {
            System.exit(code);
        }
        try {
            DesktopApp.main(args);
        } catch (RuntimeException e) { // JavaFX could not start: say why in words, not a stack trace
            String message = NoDisplayMessage.of(e).orElseThrow(() -> e);
            System.err.print(message);
            System.err.flush();
            System.exit(1);
        }
    }

    /** Answers help, version and mistakes; returns the exit code, or {@link #OPEN} to open the console. */
    static int check(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            if (ConsoleCommandLine.parse(args, env) instanceof ConsoleCommandLine.Result.Print p) {
                out.print(p.text());
                out.flush();
                return 0;
            }
            return OPEN;
        } catch (IllegalArgumentException e) {
            err.println("smsdesk: " + e.getMessage());
            err.println("Try --help.");
            return 2;
        }
    }

    /** One line for whoever started the console (the start-up benchmark reads it). */
    static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}

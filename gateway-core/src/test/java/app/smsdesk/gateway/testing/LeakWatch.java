package app.smsdesk.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches the whole test run for leaked secrets. Test helpers register every secret they create or are given
 * (passwords, private tokens, JWTs, device tokens, signing and JWT keys); everything the run logs is captured:
 * standard output and error of the test JVM (where the in-process gateways' SLF4J log goes), the log files of
 * gateway processes and each gateway's event log table. {@link #leaks()} names every secret found in any of it,
 * plus anything shaped like a JWT.
 */
public final class LeakWatch {
    /** Secrets are at least this long (shorter ones would match by chance); also the scanner's window. */
    static final int MIN_SECRET = 12;
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    private static final long MAX_CAPTURE = 256L << 20;

    private static final Set<String> SECRETS = new LinkedHashSet<>();
    private static final List<Captured> CAPTURED = new ArrayList<>();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static final Object LOCK = new Object();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicLong SIZE = new AtomicLong();

    private record Captured(String source, String text) {
    }

    private LeakWatch() {
    }

    /** Tees standard output and error into the watch (once per JVM; the session listener calls it first). */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            System.setOut(tee(System.out));
            System.setErr(tee(System.err));
        }
    }

    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (CONSOLE) {
                    if (CONSOLE.size() < MAX_CAPTURE) {
                        CONSOLE.write(b);
                    }
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (CONSOLE) {
                    if (CONSOLE.size() < MAX_CAPTURE) {
                        CONSOLE.write(b, off, len);
                    }
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** Registers a secret that must never appear in any log. */
    public static void watch(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET) {
            synchronized (LOCK) {
                SECRETS.add(secret);
            }
        }
    }

    /** Adds log text from elsewhere (an event log table, a gateway process's log file). */
    public static void capture(String source, String text) {
        synchronized (LOCK) {
            if (SIZE.get() + text.length() <= MAX_CAPTURE) {
                CAPTURED.add(new Captured(source, text));
                SIZE.addAndGet(text.length());
            }
        }
    }

    /** What was watched and scanned. */
    public record Stats(int secrets, long characters, int sources) {
    }

    public static Stats stats() {
        synchronized (LOCK) {
            long console;
            synchronized (CONSOLE) {
                console = CONSOLE.size();
            }
            return new Stats(SECRETS.size(), SIZE.get() + console, CAPTURED.size() + 1);
        }
    }

    /** Every leak found: where, and the first characters of the secret (never the whole of it). */
    public static List<String> leaks() {
        List<Captured> sources;
        Set<String> secrets;
        synchronized (LOCK) {
            sources = new ArrayList<>(CAPTURED);
            secrets = new LinkedHashSet<>(SECRETS);
        }
        synchronized (CONSOLE) {
            sources.add(new Captured("test JVM output", CONSOLE.toString(StandardCharsets.UTF_8)));
        }
        Scanner scanner = new Scanner(secrets);
        List<String> leaks = new ArrayList<>();
        for (Captured c : sources) {
            scanner.find(c.text()).forEach(s -> leaks.add(c.source() + ": " + mask(s)));
            Matcher m = JWT.matcher(c.text());
            while (m.find()) {
                leaks.add(c.source() + ": something shaped like a JWT " + mask(m.group()));
            }
        }
        return leaks;
    }

    private static String mask(String secret) {
        return secret.substring(0, 6) + "...(" + secret.length() + " chars)";
    }

    /** Finds many fixed strings in one pass: a rolling hash over windows of {@link #MIN_SECRET} characters. */
    public static final class Scanner {
        private static final long BASE = 1_000_003L;
        private final Map<Long, List<String>> byPrefixHash = new HashMap<>();
        private long power = 1;

        public Scanner(Set<String> secrets) {
            for (int i = 1; i < MIN_SECRET; i++) {
                power *= BASE;
            }
            for (String s : secrets) {
                byPrefixHash.computeIfAbsent(hash(s, 0), h -> new ArrayList<>()).add(s);
            }
        }

        private static long hash(String s, int from) {
            long h = 0;
            for (int i = from; i < from + MIN_SECRET; i++) {
                h = h * BASE + s.charAt(i);
            }
            return h;
        }

        public Set<String> find(String text) {
            Set<String> found = new LinkedHashSet<>();
            if (text.length() < MIN_SECRET || byPrefixHash.isEmpty()) {
                return found;
            }
            long h = hash(text, 0);
            for (int i = 0; ; i++) {
                List<String> candidates = byPrefixHash.get(h);
                if (candidates != null) {
                    for (String s : candidates) {
                        if (text.startsWith(s, i)) {
                            found.add(s);
                        }
                    }
                }
                if (i + MIN_SECRET >= text.length()) {
                    return found;
                }
                h = (h - text.charAt(i) * power) * BASE + text.charAt(i + MIN_SECRET);
            }
        }
    }
}

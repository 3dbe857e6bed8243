package app.smsdesk.gateway;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The headless launcher: {@code java -jar smsdesk-gateway.jar [--host H] [--port P] [--https-port P]
 * [--data-dir DIR] [--jwt on|off]}, or {@code --backup FILE} / {@code --restore FILE} on a data directory.
 */
public final class GatewayMain {
    static final String USAGE = """
            Usage: java -jar smsdesk-gateway.jar [options]

            Runs the SMSDesk gateway (SMSGate-compatible API) without the desktop console.

            Options:
              --host HOST        address of everything (plain HTTP, HTTPS, CA download); by default
                                 the plain-HTTP API listens on 127.0.0.1 only and HTTPS on all
                                 addresses (0.0.0.0 puts plain HTTP on the network too: a warning)
              --port PORT        plain-HTTP API port, 0 picks a free one (default 3000)
              --https-host HOST  address of HTTPS and the CA download (default 0.0.0.0)
              --https-port PORT  HTTPS port for phones, 0 picks a free one, off disables it (default 3443)
              --ca-port PORT     port that serves only the CA certificate over plain HTTP, which
                                 phones install from http://HOST:PORT/ca.crt (default 3080, off)
              --allowed-host N   also answer requests for host name N (a DNS name of this computer,
                                 a reverse proxy's); repeatable; others get 421 (DNS rebinding)
              --data-dir DIR     database and secrets directory (default ~/.smsdesk)
              --jwt on|off       enable or disable JWT tokens (stored as a setting)
              --phone-approval on|off
                                 whether a phone registered with the private token waits for approval
                                 in the console (stored as a setting; default on)
              --backup FILE      write a backup of the data directory to FILE and exit; works while
                                 the gateway runs (FILE holds keys and tokens: keep it safe)
              --with-ca-key      with --backup: include the local CA's signing key, so that a restored
                                 gateway can renew its HTTPS certificate for the paired phones
              --restore FILE     restore a backup into the data directory, which must be empty or
                                 absent, and exit; then start the gateway on it. Its JWTs are
                                 revoked (it cannot know which were revoked after it was made)
              --keep-tokens      with --restore: keep the backup's JWTs valid
              --rotate-private-token
                                 replace the private token phones register with, print it and exit
                                 (registered phones keep working; stop the gateway first)
              --help             show this help
              --version          show the version

            Environment (first start only):
              SMSDESK_ADMIN_USERNAME   login of the primary account (default admin)
              SMSDESK_ADMIN_PASSWORD   its password, 14 characters or more
                                       (default: generated and printed once)
              SMSDESK_PRIVATE_TOKEN    the phones' registration key, 16 characters or more
                                       (default: generated and printed once)
              SMSDESK_ALLOWED_HOSTS    host names to answer besides this computer's, comma-separated
                                       (read on every start)
            """;

    private GatewayMain() {
    }

    /** A command line that could not be understood. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        Gateway.refuseClientRenegotiation();
        System.exit(run(args, System.getenv(), System.out, System.err, true));
    }

    /** Parses the options, starts the gateway and (when {@code block}) waits until the process is stopped. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean block) {
        GatewayConfig config;
        Maintenance maintenance;
        try {
            maintenance = Maintenance.of(args);
            config = parse(maintenance.otherArgs(), GatewayConfig.fromEnvironment(env), out);
        } catch (UsageException e) {
            err.println("smsdesk-gateway: " + e.getMessage());
            err.println("Try --help.");
            return 2;
        }
        if (config == null) {
            return 0;
        }
        if (config.weakSecret().isPresent()) {
            err.println("smsdesk-gateway: " + config.weakSecret().get());
            return 2;
        }
        if (maintenance.any()) {
            return maintenance.run(config.dataDir(), out, err);
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(config);
        } catch (RuntimeException e) {
            err.println("smsdesk-gateway: cannot start: " + e.getMessage());
            return 1;
        }
        printFirstRun(gateway, out);
        out.println("SMSDesk gateway listening on http://" + config.host() + ":" + gateway.port());
        if (config.plainHttpOnNetwork()) {
            out.println("  Warning: plain HTTP on " + config.host() + " carries passwords and tokens across the"
                    + " network in clear; use HTTPS from other computers.");
        }
        if (gateway.httpsPort() >= 0) {
            out.println("HTTPS for phones on https://" + config.httpsHost() + ":" + gateway.httpsPort()
                    + " (CA certificate: http://" + config.httpsHost() + ":" + gateway.caPort() + "/ca.crt, SHA-256 "
                    + gateway.certificates().caFingerprint() + ")");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        if (block) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }

    private static void printFirstRun(Gateway gateway, PrintStream out) {
        Gateway.FirstRun first = gateway.firstRun();
        if (first.adminPassword() != null) {
            out.println("Created the primary account '" + gateway.config().adminUsername() + "' with password: "
                    + first.adminPassword());
            out.println("  (shown only this once; only its bcrypt hash is stored)");
        }
        if (first.privateToken() != null) {
            out.println("Private token for registering phones: " + first.privateToken());
            out.println("  (shown only this once; the console can show it again)");
        }
    }

    /** As {@link #parse(String[], GatewayConfig, PrintStream)}, printing help or the version to standard output. */
    static GatewayConfig parse(String[] args, GatewayConfig base) throws UsageException {
        return parse(args, base, System.out);
    }

    /** Returns the config, or null after printing help or the version to {@code out}. */
    static GatewayConfig parse(String[] args, GatewayConfig base, PrintStream out) throws UsageException {
        GatewayConfig c = base;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--version" -> {
                    out.println("smsdesk-gateway " + Gateway.version());
                    return null;
                }
                case "--host" -> c = c.withHost(value(args, ++i, arg));
                case "--https-host" -> c = c.withHttpsHost(value(args, ++i, arg));
                case "--ca-port" -> c = c.withCaPort(caPort(value(args, ++i, arg)));
                case "--allowed-host" -> c = c.withAllowedHost(value(args, ++i, arg));
                case "--port" -> c = c.withPort(port(value(args, ++i, arg)));
                case "--https-port" -> c = c.withHttpsPort(httpsPort(value(args, ++i, arg)));
                case "--data-dir" -> c = c.withDataDir(Path.of(value(args, ++i, arg)));
                case "--jwt" -> c = c.withJwtEnabled(onOff(value(args, ++i, arg)));
                case "--phone-approval" -> c = c.withPhoneApproval(onOff(value(args, ++i, arg)));
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        return c;
    }

    /**
     * Reads the headless jar's options and environment for a launcher that embeds the gateway (the console).
     * Empty after printing help or the version.
     *
     * @throws IllegalArgumentException when the command line cannot be understood (the message says why)
     */
    public static java.util.Optional<GatewayConfig> commandLine(String[] args, Map<String, String> env) {
        try {
            return java.util.Optional.ofNullable(parse(args, GatewayConfig.fromEnvironment(env)));
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String v) throws UsageException {
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65_535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number from 0 to 65535, not '" + v + "'");
        }
    }

    private static int httpsPort(String v) throws UsageException {
        if (v.equals("off")) {
            return GatewayConfig.HTTPS_OFF;
        }
        try {
            return port(v);
        } catch (UsageException e) {
            throw new UsageException("--https-port must be a number from 0 to 65535 or off, not '" + v + "'");
        }
    }

    private static int caPort(String v) throws UsageException {
        try {
            return httpsPort(v);
        } catch (UsageException e) {
            throw new UsageException("--ca-port must be a number from 0 to 65535 or off, not '" + v + "'");
        }
    }

    private static boolean onOff(String v) throws UsageException {
        return switch (v) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new UsageException("--jwt must be on or off, not '" + v + "'");
        };
    }
}

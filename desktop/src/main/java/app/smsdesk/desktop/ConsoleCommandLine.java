package app.smsdesk.desktop;

import app.smsdesk.gateway.Gateway;
import app.smsdesk.gateway.GatewayConfig;
import app.smsdesk.gateway.GatewayMain;
import java.util.Map;

/**
 * The console's command line: its own {@code --help} and {@code --version}, and otherwise the headless
 * gateway's options and environment, which configure the gateway the console runs inside itself.
 */
public final class ConsoleCommandLine {
    static final String USAGE = """
            Usage: java -jar smsdesk.jar [options]

            Opens the SMSDesk console window and runs the SMS gateway inside it. The gateway takes the same
            options and environment as the headless one (smsdesk-gateway.jar) and uses the same data directory,
            so the console and the headless gateway can take turns on one installation (not both at once).

            Options:
              --host HOST        address of everything; by default programs use plain HTTP on 127.0.0.1
                                 only, and phones HTTPS on all addresses
              --port PORT        HTTP port for programs, 0 picks a free one (default 3000)
              --https-host HOST  address of HTTPS and the CA download (default 0.0.0.0)
              --https-port PORT  HTTPS port for phones, 0 picks a free one, off disables it (default 3443)
              --ca-port PORT     port that serves only the CA certificate to phones (default 3080, off)
              --allowed-host N   also answer requests for host name N (repeatable)
              --data-dir DIR     database and secrets directory (default ~/.smsdesk)
              --jwt on|off       enable or disable JWT tokens (stored as a setting)
              --phone-approval on|off
                                 whether a phone registered with the private token waits for approval
                                 on the Phones screen (stored as a setting; default on)
              --help             show this help
              --version          show the version

            Environment (first start only):
              SMSDESK_ADMIN_USERNAME   login of the primary account (default admin)
              SMSDESK_ADMIN_PASSWORD   its password, 14 characters or more
                                       (default: generated and shown once in the window)
              SMSDESK_PRIVATE_TOKEN    the phones' registration key, 16 characters or more
                                       (default: generated and shown once)

            Java options (before -jar):
              -Dsmsdesk.theme=dark|light            open in this theme
              -Dsmsdesk.page=tokens                 open on this screen (dashboard, messages, inbox, phones, ...)
              -Dsmsdesk.exitAfterFirstFrame=true    print "first frame after N ms" and exit (start-up benchmark)
            """;

    private ConsoleCommandLine() {
    }

    /** What the command line asks for. */
    public sealed interface Result {
        /** Open the console with a gateway configured so. */
        record Run(GatewayConfig config) implements Result {
        }

        /** Print this (help or version) and exit. */
        record Print(String text) implements Result {
        }
    }

    /**
     * Reads the command line and the environment.
     *
     * @throws IllegalArgumentException when an option is unknown or lacks a value (the message says which)
     */
    public static Result parse(String[] args, Map<String, String> env) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Result.Print(USAGE);
            }
            if (arg.equals("--version")) {
                return new Result.Print("smsdesk " + Gateway.version() + System.lineSeparator());
            }
        }
        // Without --help and --version the gateway's parser never prints; empty cannot happen.
        return new Result.Run(GatewayMain.commandLine(args, env).orElseThrow());
    }
}

package app.smsdesk.gateway;

import app.smsdesk.gateway.service.BackupService;
import app.smsdesk.gateway.service.PrivateTokenService;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's one-shot commands on a data directory: {@code --backup FILE [--with-ca-key]} (while a gateway
 * may be running on it) and {@code --restore FILE [--keep-tokens]} (into an empty directory). Both exit without
 * starting a gateway.
 *
 * @param backup where to write a backup, or null
 * @param restore the backup to restore, or null
 * @param withCaKey whether the backup includes the local CA's signing key
 * @param keepTokens whether the restored gateway keeps accepting the backup's JWTs
 * @param rotatePrivateToken whether to replace the private token (audit F2)
 * @param otherArgs the remaining arguments (the usual options)
 */
record Maintenance(String backup, String restore, boolean withCaKey, boolean keepTokens, boolean rotatePrivateToken,
                   String[] otherArgs) {
    /** Takes {@code --backup} and {@code --restore} out of the arguments. */
    static Maintenance of(String[] args) throws GatewayMain.UsageException {
        String backup = null;
        String restore = null;
        boolean withCaKey = false;
        boolean keepTokens = false;
        boolean rotate = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--with-ca-key")) {
                withCaKey = true;
            } else if (args[i].equals("--keep-tokens")) {
                keepTokens = true;
            } else if (args[i].equals("--rotate-private-token")) {
                rotate = true;
            } else if (args[i].equals("--backup") || args[i].equals("--restore")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new GatewayMain.UsageException(args[i] + " needs a file");
                }
                if (args[i].equals("--backup")) {
                    backup = args[++i];
                } else {
                    restore = args[++i];
                }
            } else {
                rest.add(args[i]);
            }
        }
        if (backup != null && restore != null) {
            throw new GatewayMain.UsageException("use either --backup or --restore");
        }
        if (withCaKey && backup == null) {
            throw new GatewayMain.UsageException("--with-ca-key goes with --backup");
        }
        if (keepTokens && restore == null) {
            throw new GatewayMain.UsageException("--keep-tokens goes with --restore");
        }
        if (rotate && (backup != null || restore != null)) {
            throw new GatewayMain.UsageException("--rotate-private-token goes alone");
        }
        return new Maintenance(backup, restore, withCaKey, keepTokens, rotate, rest.toArray(String[]::new));
    }

    /** Whether there is a one-shot command to run instead of starting a gateway. */
    boolean any() {
        return backup != null || restore != null || rotatePrivateToken;
    }

    /** Runs the command on {@code dataDir}; 0 when done, 1 when it failed (the reason goes to {@code err}). */
    int run(Path dataDir, PrintStream out, PrintStream err) {
        try {
            if (rotatePrivateToken) {
                if (!java.nio.file.Files.isRegularFile(dataDir.resolve(PrivateTokenService.FILE))) {
                    throw new app.smsdesk.gateway.domain.ValidationException("no private token in " + dataDir
                            + " (has a gateway ever run on it?)");
                }
                String token = PrivateTokenService.rotateIn(new app.smsdesk.gateway.store.DataDir(dataDir));
                out.println("New private token for registering phones: " + token);
                out.println("  Registered phones keep working. A gateway running on " + dataDir
                        + " uses it once restarted.");
            } else if (backup != null) {
                BackupService.Summary s = BackupService.forDirectory(dataDir, Gateway.version(), Clock.systemUTC())
                        .backup(Path.of(backup), withCaKey);
                out.println("Backup of " + dataDir + " written to " + backup + " (owner-only): " + describe(s));
                out.println("  It holds the JWT key and the private token" + (withCaKey ? " and the CA's signing key"
                        : "") + ": keep it as safe as the data directory.");
                if (!withCaKey) {
                    out.println("  The CA's signing key is not in it (add --with-ca-key to include it): a gateway"
                            + " restored from it serves its HTTPS certificate until that expires or the computer's"
                            + " addresses change, then phones must install a new CA.");
                }
            } else {
                BackupService.Summary s = BackupService.restore(Path.of(restore), dataDir, keepTokens);
                out.println("Restored " + restore + " (made " + s.createdAt() + " by " + s.gatewayVersion()
                        + ") into " + dataDir + ": " + describe(s));
                out.println("  Start the gateway with --data-dir " + dataDir + "; phones and passwords keep working.");
                out.println(keepTokens ? "  Its tokens were kept: a token revoked after the backup was made is valid"
                        + " again; revoke it in the console." : "  Its tokens were revoked (the backup cannot know"
                        + " which were revoked since it was made): mint new ones, or restore with --keep-tokens.");
            }
            return 0;
        } catch (RuntimeException e) { // the launcher reports any failure as a message and an exit code
            err.println("smsdesk-gateway: " + (rotatePrivateToken ? "rotating the private token"
                    : backup != null ? "backup" : "restore") + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static String describe(BackupService.Summary s) {
        return s.counts().get("messages") + " messages, " + s.counts().get("tokens") + " tokens, "
                + s.counts().get("devices") + " phones, " + s.counts().get("users") + " accounts, "
                + s.files().size() + " files";
    }
}

package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.ConflictException;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.store.DataDir;
import app.smsdesk.gateway.store.DatabaseBackup;
import app.smsdesk.gateway.tls.LocalCertificates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backup and restore of a data directory. A backup is one owner-only zip: a consistent copy of the database made
 * while the gateway runs ({@code VACUUM INTO}), the key and token files (JWT key, private token, CA and server
 * certificates, the server key, and the CA's signing key only when asked for), and a manifest with the size and
 * SHA-256 of each. Restoring it into an empty directory brings back
 * accounts, phones, messages, webhooks, settings and the event log; phones keep working, since the CA and the
 * device tokens come back with them.
 *
 * <p>JWTs do not come back by default: a backup cannot know which tokens were revoked after it was made, so a
 * restore revokes every token it holds and drops the JWT key (the gateway makes a new one), and integrations mint
 * new tokens (Basic auth keeps working). Revocations made after the backup therefore survive the restore (audit
 * F7). An admin who knows nothing was revoked since may restore with {@code keepTokens}; tokens minted after the
 * backup are refused either way, as they are not in the restored inventory.
 */
public final class BackupService {
    static final String MANIFEST = "backup.properties";
    static final int FORMAT = 1;
    /** Every file a backup may hold, and so every file a restore may write. */
    private static final String JWT_KEY_FILE = "jwt-hs256.key";
    static final Set<String> RESTORABLE = Set.of(DataDir.DATABASE, JWT_KEY_FILE, "private-token",
            "tls-ca-key.pem", "tls-ca-cert.pem", "tls-issuer-key.pem", "tls-issuer-cert.pem", "tls-server-key.pem",
            "tls-server-cert.pem");
    /** A key, token or certificate file is a few hundred bytes. */
    static final long MAX_SECRET_BYTES = 64 * 1024;
    /** A restore leaves this much disk space free. */
    static final long DISK_RESERVE_BYTES = 64L << 20;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /**
     * What a backup holds.
     *
     * @param createdAt when it was made
     * @param gatewayVersion the version that made it
     * @param counts schema version and rows per main table
     * @param files the files in it besides the manifest
     */
    public record Summary(Instant createdAt, String gatewayVersion, Map<String, Long> counts, List<String> files) {
    }

    private final DataDir dir;
    private final Runnable beforeBackup;
    private final EventLogService log;
    private final String version;
    private final Clock clock;

    /**
     * @param dir the data directory
     * @param beforeBackup writes what the running gateway keeps in memory (token use, phones' last-seen)
     * @param log the event log, or null when no gateway runs here (the command line)
     * @param version the gateway version written into the manifest
     * @param clock time source
     */
    public BackupService(DataDir dir, Runnable beforeBackup, EventLogService log, String version, Clock clock) {
        this.dir = dir;
        this.beforeBackup = beforeBackup;
        this.log = log;
        this.version = version;
        this.clock = clock;
    }

    /** For the command line: backs up a data directory another instance may be running on. */
    public static BackupService forDirectory(Path dataDir, String version, Clock clock) {
        if (!Files.isRegularFile(dataDir.resolve(DataDir.DATABASE))) {
            throw new ValidationException("no SMSDesk database in " + dataDir);
        }
        return new BackupService(new DataDir(dataDir), () -> { }, null, version, clock);
    }

    /**
     * Writes a backup to {@code target} (replacing it atomically), readable by the owner only, without the CA's
     * private key (see {@link #backup(Path, boolean)}).
     */
    public Summary backup(Path target) {
        return backup(target, false);
    }

    /**
     * Writes a backup to {@code target}; with {@code includeCaKey} it also holds the CA's private key, so that a
     * restored gateway can issue new server certificates that paired phones still trust. Without it, the restored
     * gateway serves the backed-up server certificate while it lasts and then needs a new CA (phones pair again).
     */
    public Summary backup(Path target, boolean includeCaKey) {
        refuseInsideDataDir(target);
        beforeBackup.run();
        Path parent = target.toAbsolutePath().getParent();
        Path work = null;
        try {
            work = POSIX ? Files.createTempDirectory(parent, ".smsdesk-backup-", ownerOnlyDir())
                    : Files.createTempDirectory(parent, ".smsdesk-backup-");
            Path db = work.resolve(DataDir.DATABASE);
            DatabaseBackup.snapshot(dir.databaseFile(), db);
            Map<String, Long> counts = DatabaseBackup.describe(db);
            List<Path> files = new ArrayList<>(List.of(db));
            dir.secretFiles().stream()
                    .filter(f -> RESTORABLE.contains(f.getFileName().toString()))
                    .filter(f -> includeCaKey
                            || !LocalCertificates.SIGNING_KEY_FILES.contains(f.getFileName().toString()))
                    .forEach(files::add);
            Instant now = clock.instant();
            Path zip = work.resolve("backup.zip");
            writeZip(zip, files, manifest(files, counts, now));
            Files.move(zip, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
            if (log != null) {
                log.info(null, "backup", "backup written", Map.of("file", target.getFileName().toString(),
                        "messages", String.valueOf(counts.get("messages")), "files", String.valueOf(names.size())));
            }
            return new Summary(now, version, counts, names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + target, e);
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * Restores a backup into {@code dataDir}, which must be empty or absent; checks every file's checksum and
     * the database's integrity, and leaves nothing behind when either fails.
     *
     * <p>The manifest is read first and decides what is written: only the files a backup can hold
     * ({@link #RESTORABLE}), each listed in the manifest, none larger than the manifest says (or, for backups
     * without sizes, than {@link #MAX_SECRET_BYTES} for a key file and the free disk space for the database).
     * So a crafted archive cannot plant other files in the data directory or fill the disk before it is refused.
     */
    public static Summary restore(Path backup, Path dataDir) {
        return restore(backup, dataDir, false);
    }

    /** As {@link #restore(Path, Path)}; {@code keepTokens} keeps the backup's JWTs and key valid (see above). */
    public static Summary restore(Path backup, Path dataDir, boolean keepTokens) {
        if (Files.exists(dataDir) && !isEmptyDirectory(dataDir)) {
            throw new ConflictException("restore needs an empty data directory; " + dataDir + " is not");
        }
        DataDir dir = new DataDir(dataDir);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            ZipEntry first = zip.getNextEntry();
            if (first == null || !first.getName().equals(MANIFEST)) {
                throw new ValidationException("not an SMSDesk backup: it must start with its manifest");
            }
            Properties manifest = new Properties();
            manifest.load(new ByteArrayInputStream(new BoundedInputStream(zip, MAX_SECRET_BYTES, MANIFEST)
                    .readAllBytes()));
            Map<String, Long> allowed = listedFiles(manifest, dataDir);
            Map<String, String> sums = new LinkedHashMap<>();
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (!allowed.containsKey(name) || sums.containsKey(name)) {
                    throw new ValidationException("not an SMSDesk backup: unexpected entry '"
                            + (name.length() > 100 ? name.substring(0, 100) + "…" : name) + "'");
                }
                DigestInputStream in = new DigestInputStream(new BoundedInputStream(zip, allowed.get(name), name),
                        sha256());
                dir.writeFile(name, in);
                sums.put(name, HexFormat.of().formatHex(in.getMessageDigest().digest()));
            }
            verify(manifest, sums);
            List<String> integrity = DatabaseBackup.integrityCheck(dataDir.resolve(DataDir.DATABASE));
            if (!integrity.equals(List.of("ok"))) {
                throw new ValidationException("the backup's database is damaged: " + integrity);
            }
            if (!keepTokens) {
                DatabaseBackup.revokeAllTokens(dataDir.resolve(DataDir.DATABASE), Instant.now());
                Files.deleteIfExists(dataDir.resolve(JWT_KEY_FILE));
            }
            return new Summary(Instant.parse(manifest.getProperty("created")), manifest.getProperty("version"),
                    DatabaseBackup.describe(dataDir.resolve(DataDir.DATABASE)), List.copyOf(sums.keySet()));
        } catch (IOException | RuntimeException e) {
            clear(dataDir);
            if (e instanceof IOException || e instanceof UncheckedIOException) {
                // A zip that cannot be read (bad CRC, truncated) is a damaged backup, not a server fault.
                throw new ValidationException("cannot read the backup " + backup + ": " + e.getMessage());
            }
            throw (RuntimeException) e;
        }
    }

    /** The files the manifest lists, each with the most bytes it may have; refuses any other name. */
    private static Map<String, Long> listedFiles(Properties manifest, Path dataDir) throws IOException {
        if (!String.valueOf(FORMAT).equals(manifest.getProperty("format"))) {
            throw new ValidationException("not an SMSDesk backup (no manifest of format " + FORMAT + ")");
        }
        long diskRoom = Math.max(0, Files.getFileStore(dataDir).getUsableSpace() - DISK_RESERVE_BYTES);
        Map<String, Long> files = new LinkedHashMap<>();
        for (String key : manifest.stringPropertyNames()) {
            if (!key.startsWith("sha256.")) {
                continue;
            }
            String name = key.substring(7);
            if (!RESTORABLE.contains(name)) {
                throw new ValidationException("not an SMSDesk backup: it lists '"
                        + (name.length() > 100 ? name.substring(0, 100) + "…" : name)
                        + "', which is no file of a data directory");
            }
            long bound = name.equals(DataDir.DATABASE) ? diskRoom : MAX_SECRET_BYTES;
            String size = manifest.getProperty("size." + name);
            if (size != null) {
                long declared = parseSize(size, name);
                if (declared > bound) {
                    throw new ValidationException(name.equals(DataDir.DATABASE)
                            ? "not enough disk space to restore a database of " + declared + " bytes"
                            : "the backup is damaged: " + name + " is too large");
                }
                bound = declared;
            }
            files.put(name, bound);
        }
        return files;
    }

    private static long parseSize(String size, String name) {
        try {
            long v = Long.parseLong(size);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ValidationException("the backup is damaged: the size of " + name + " is not a number");
    }

    /** Compares real paths: a target reached through a symbolic link into the data directory is inside it. */
    private void refuseInsideDataDir(Path target) {
        Path parent = target.toAbsolutePath().normalize().getParent();
        try {
            Path realParent = parent == null ? null : parent.toRealPath();
            Path realRoot = dir.root().toRealPath();
            if (realParent == null || realParent.startsWith(realRoot) || Files.isDirectory(target)) {
                throw new ValidationException("write the backup to a file outside the data directory "
                        + dir.root());
            }
        } catch (IOException e) {
            throw new ValidationException("cannot write the backup to " + target + ": its folder does not exist");
        }
    }

    private static void verify(Properties manifest, Map<String, String> sums) {
        if (!sums.containsKey(DataDir.DATABASE)) {
            throw new ValidationException("the backup holds no database");
        }
        for (String key : manifest.stringPropertyNames()) {
            if (key.startsWith("sha256.") && !manifest.getProperty(key).equals(sums.get(key.substring(7)))) {
                throw new ValidationException("the backup is damaged: " + key.substring(7) + " does not match");
            }
        }
    }

    private byte[] manifest(List<Path> files, Map<String, Long> counts, Instant now) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", String.valueOf(FORMAT));
        p.setProperty("created", now.toString());
        p.setProperty("version", version);
        counts.forEach((k, v) -> p.setProperty("count." + k, String.valueOf(v)));
        for (Path f : files) {
            p.setProperty("size." + f.getFileName(), String.valueOf(Files.size(f)));
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha256())) {
                in.transferTo(OutputStream.nullOutputStream());
                p.setProperty("sha256." + f.getFileName(),
                        HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.store(out, "SMSDesk backup");
        return out.toByteArray();
    }

    private static void writeZip(Path zip, List<Path> files, byte[] manifest) throws IOException {
        if (POSIX) {
            Files.createFile(zip, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(MANIFEST));
            out.write(manifest);
            out.closeEntry();
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    /** Reads at most {@code limit} bytes of an entry; one more means the archive lies about it. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private final String name;
        private long left;

        BoundedInputStream(InputStream in, long limit, String name) {
            super(in);
            this.left = limit;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, left + 1));
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            left -= n;
            if (left < 0) {
                throw new ValidationException("the backup is damaged or unsafe: " + name
                        + " is larger than it may be");
            }
        }

        @Override
        public void close() {
            // the zip stream stays open for the next entry
        }
    }

    private static FileAttribute<?> ownerOnlyDir() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEmptyDirectory(Path p) {
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes what a failed restore wrote (the directory itself stays, empty). */
    private static void clear(Path dataDir) {
        try (Stream<Path> s = Files.list(dataDir)) {
            s.forEach(BackupService::deleteQuietly);
        } catch (IOException e) {
            // nothing was written
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary file
        }
    }
}

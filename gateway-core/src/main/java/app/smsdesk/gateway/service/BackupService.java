package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.ConflictException;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.store.DataDir;
import app.smsdesk.gateway.store.DatabaseBackup;
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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backup and restore of a data directory. A backup is one owner-only zip: a consistent copy of the database made
 * while the gateway runs ({@code VACUUM INTO}), the key and token files (JWT key, private token, CA and server
 * certificate and keys), and a manifest with a SHA-256 of each. Restoring it into an empty directory brings back
 * accounts, tokens (and their revocations), phones, messages, webhooks, settings and the event log; phones keep
 * working, since the CA, the device tokens and the JWT key come back with them.
 */
public final class BackupService {
    static final String MANIFEST = "backup.properties";
    static final int FORMAT = 1;
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

    /** Writes a backup to {@code target} (replacing it atomically), readable by the owner only. */
    public Summary backup(Path target) {
        if (target.toAbsolutePath().normalize().startsWith(dir.root())) {
            throw new ValidationException("write the backup outside the data directory " + dir.root());
        }
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
            files.addAll(dir.secretFiles());
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
     */
    public static Summary restore(Path backup, Path dataDir) {
        if (Files.exists(dataDir) && !isEmptyDirectory(dataDir)) {
            throw new ConflictException("restore needs an empty data directory; " + dataDir + " is not");
        }
        DataDir dir = new DataDir(dataDir);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            Properties manifest = null;
            Map<String, String> sums = new LinkedHashMap<>();
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.equals(MANIFEST) && manifest == null) {
                    manifest = new Properties();
                    manifest.load(new ByteArrayInputStream(zip.readAllBytes()));
                } else if (DataDir.SAFE_NAME.matcher(name).matches() && !sums.containsKey(name)) {
                    DigestInputStream in = new DigestInputStream(zip, sha256());
                    dir.writeFile(name, in);
                    sums.put(name, HexFormat.of().formatHex(in.getMessageDigest().digest()));
                } else {
                    throw new ValidationException("not an SMSDesk backup: unexpected entry '" + name + "'");
                }
            }
            verify(manifest, sums);
            List<String> integrity = DatabaseBackup.integrityCheck(dataDir.resolve(DataDir.DATABASE));
            if (!integrity.equals(List.of("ok"))) {
                throw new ValidationException("the backup's database is damaged: " + integrity);
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

    private static void verify(Properties manifest, Map<String, String> sums) {
        if (manifest == null || !String.valueOf(FORMAT).equals(manifest.getProperty("format"))) {
            throw new ValidationException("not an SMSDesk backup (no manifest of format " + FORMAT + ")");
        }
        if (!sums.containsKey(DataDir.DATABASE)) {
            throw new ValidationException("the backup holds no database");
        }
        for (String key : manifest.stringPropertyNames()) {
            if (key.startsWith("sha256.") && !manifest.getProperty(key).equals(sums.get(key.substring(7)))) {
                throw new ValidationException("the backup is damaged: " + key.substring(7) + " does not match");
            }
        }
        for (String name : sums.keySet()) {
            if (manifest.getProperty("sha256." + name) == null) {
                throw new ValidationException("the backup is damaged: " + name + " is not in its manifest");
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

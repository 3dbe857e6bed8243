package app.smsdesk.gateway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** The data directory: the SQLite file and per-installation secrets, all readable by the owner only. */
public final class DataDir {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    public DataDir(Path root) {
        this.root = root.toAbsolutePath();
        try {
            Files.createDirectories(this.root);
            restrict(this.root, OWNER_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** The database file; created (owner-only) if missing so SQLite never makes it world-readable. */
    public Path databaseFile() {
        Path db = root.resolve("smsdesk.db");
        try {
            if (Files.notExists(db)) {
                Files.createFile(db);
            }
            restrict(db, OWNER_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + db, e);
        }
        return db;
    }

    /** Reads a secret file, if present. */
    public Optional<String> readSecret(String name) {
        Path file = root.resolve(name);
        if (Files.notExists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes a secret file atomically with owner-only permissions. */
    public void writeSecret(String name, String value) {
        Path file = root.resolve(name);
        Path tmp = root.resolve(name + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            restrict(tmp, OWNER_FILE);
            Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> perms) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, perms);
        }
    }
}

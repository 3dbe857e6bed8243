package app.smsdesk.gateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The data directory: the SQLite file and per-installation secrets, all readable by the owner only. */
public final class DataDir {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    /** The database file's name. */
    public static final String DATABASE = "smsdesk.db";
    /** File names the directory may hold (no separators, no leading dot). */
    public static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

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
        Path db = root.resolve(DATABASE);
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

    /**
     * The files besides the database a backup must take: keys, tokens and certificates (everything but the
     * database, its WAL and shared-memory files and leftovers of interrupted writes).
     */
    public List<Path> secretFiles() {
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return !name.startsWith(DATABASE) && !name.endsWith(".tmp") && !name.startsWith(".");
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** Writes a file of the directory, owner-only from the start (restoring a backup). */
    public Path writeFile(String name, InputStream content) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a data directory file name: " + name);
        }
        Path file = root.resolve(name);
        try {
            Files.createFile(file);
            restrict(file, OWNER_FILE);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.transferTo(out); // into the owner-only file, never a new one with default permissions
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
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

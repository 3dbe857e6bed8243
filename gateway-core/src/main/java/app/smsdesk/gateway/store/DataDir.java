package app.smsdesk.gateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
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

/**
 * The data directory: the SQLite file and per-installation secrets, all readable by the owner only.
 *
 * <p>Before it trusts a directory it checks that the directory is the user's own: not a symbolic link, owned by
 * the user running the gateway, and either empty or an SMSDesk data directory (it has the database) that group
 * and others cannot write to. A shared or planted directory is refused instead of being chmod-ed: a key or
 * certificate someone else wrote there before the first start would otherwise become the gateway's own. Files in
 * it are never followed through symbolic links, and a secret file that others can read or write is refused.
 */
public final class DataDir {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    /** The database file's name. */
    public static final String DATABASE = "smsdesk.db";
    /** File names the directory may hold (no separators, no leading dot). */
    public static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    /** Files only SMSDesk writes: one of them makes a non-empty directory an SMSDesk data directory. */
    private static final List<String> MARKERS = List.of(DATABASE, "jwt-hs256.key", "private-token",
            "tls-ca-cert.pem");

    private final Path root;

    public DataDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            if (Files.exists(this.root, LinkOption.NOFOLLOW_LINKS)) {
                checkExisting(this.root);
            } else {
                Files.createDirectories(this.root);
            }
            restrict(this.root, OWNER_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + this.root, e);
        }
    }

    private static void checkExisting(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new UnsafeDataDirException(dir + " is a symbolic link; give the real directory");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeDataDirException(dir + " is not a directory");
        }
        if (!POSIX) {
            return;
        }
        if (!FileOwnership.isOwnedByThisUser(dir)) {
            throw new UnsafeDataDirException(dir + " belongs to another user; use a directory of your own");
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(dir)) {
            empty = entries.findAny().isEmpty();
        }
        if (empty) {
            return; // nothing to trust yet: it is made owner-only before anything is written
        }
        if (MARKERS.stream().noneMatch(m -> Files.isRegularFile(dir.resolve(m), LinkOption.NOFOLLOW_LINKS))) {
            throw new UnsafeDataDirException(dir + " is not empty and is not an SMSDesk data directory (it has no "
                    + DATABASE + " or keys); use an empty or new directory");
        }
        if (FileOwnership.othersMayWrite(dir)) {
            throw new UnsafeDataDirException(dir + " can be written by other users, so its keys cannot be trusted;"
                    + " run chmod 700 on it if it is yours");
        }
    }

    public Path root() {
        return root;
    }

    /** The database file; created (owner-only) if missing so SQLite never makes it world-readable. */
    public Path databaseFile() {
        Path db = root.resolve(DATABASE);
        try {
            refuseLink(db);
            if (Files.notExists(db, LinkOption.NOFOLLOW_LINKS)) {
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
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
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
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            refuseLink(file);
            if (POSIX && (FileOwnership.othersMayRead(file) || !FileOwnership.isOwnedByThisUser(file))) {
                throw new UnsafeDataDirException(file + " is readable or writable by other users; a secret file"
                        + " must be owner-only (chmod 600), or delete it to have a new one made");
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Deletes a file of the directory if it is there (a symbolic link is deleted, never followed). */
    public void deleteFile(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a data directory file name: " + name);
        }
        try {
            Files.deleteIfExists(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root.resolve(name), e);
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

    private static void refuseLink(Path file) {
        if (Files.isSymbolicLink(file)) {
            throw new UnsafeDataDirException(file + " is a symbolic link; the data directory holds real files only");
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> perms) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, perms);
        }
    }
}

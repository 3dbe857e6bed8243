package app.smsdesk.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.service.BackupService;
import app.smsdesk.gateway.store.DataDir;
import app.smsdesk.gateway.store.UnsafeDataDirException;
import app.smsdesk.gateway.testing.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F15: the data directory and restore. The audit's proposals are taken as they are: refuse a non-empty directory
 * that is not an SMSDesk data directory, refuse symbolic links, check owner and write permissions, read the
 * manifest first and accept only what it lists with a size cap, and compare real paths for the backup target.
 * One difference: the audit suggested capping the total size; the manifest now records each file's size, which
 * bounds every entry exactly (older backups without sizes: a key file is capped at 64 KiB, the database at the
 * free disk space).
 */
class F15DataDirTest {
    @TempDir
    Path tmp;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aSharedDirectoryIsRefusedAndNotChmodded() throws IOException {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(shared.resolve("f"), "someone else's file");
        assertThatThrownBy(() -> new DataDir(shared)).isInstanceOf(UnsafeDataDirException.class)
                .hasMessageContaining("not an SMSDesk data directory");
        assertThat(mode(shared)).isEqualTo("rwxrwxrwx");
    }

    @Test
    void aDataDirectoryOthersCanWriteIsRefused() throws IOException {
        Path dir = tmp.resolve("data");
        new DataDir(dir).databaseFile();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwx---"));
        assertThatThrownBy(() -> new DataDir(dir)).isInstanceOf(UnsafeDataDirException.class)
                .hasMessageContaining("can be written by other users");
        assertThat(mode(dir)).isEqualTo("rwxrwx---");
    }

    @Test
    void anEmptyDirectoryOfOursIsMadeOwnerOnly() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        new DataDir(dir);
        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    @Test
    void aSymlinkedDataDirectoryIsRefused() throws IOException {
        Path real = tmp.resolve("real");
        new DataDir(real).databaseFile();
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertThatThrownBy(() -> new DataDir(link)).isInstanceOf(UnsafeDataDirException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void aPlantedDatabaseLinkIsRefusedBeforeItsTargetIsTouched() throws IOException {
        Path dir = tmp.resolve("planted");
        new DataDir(dir).writeSecret("jwt-hs256.key", "x");
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "important");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(dir.resolve(DataDir.DATABASE), victim);
        assertThatThrownBy(() -> new DataDir(dir).databaseFile()).isInstanceOf(UnsafeDataDirException.class);
        assertThat(mode(victim)).as("the link's target keeps its mode").isEqualTo("rw-r--r--");
    }

    @Test
    void aSecretFileOthersCanReadOrALinkedOneIsRefused() throws IOException {
        Path dir = tmp.resolve("loose");
        DataDir d = new DataDir(dir);
        d.writeSecret("private-token", "secret-value-0123456789");
        Files.setPosixFilePermissions(dir.resolve("private-token"), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> d.readSecret("private-token")).isInstanceOf(UnsafeDataDirException.class)
                .hasMessageContaining("owner-only");
        Path elsewhere = Files.writeString(tmp.resolve("their-key"), "planted");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(dir.resolve("jwt-hs256.key"), elsewhere);
        assertThatThrownBy(() -> d.readSecret("jwt-hs256.key")).isInstanceOf(UnsafeDataDirException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to hand a directory to another user");
        Path theirs = Files.createDirectory(tmp.resolve("theirs"));
        UserPrincipal nobody = theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);
        assertThatThrownBy(() -> new DataDir(theirs)).isInstanceOf(UnsafeDataDirException.class)
                .hasMessageContaining("another user");
    }

    @Test
    void theGatewayLauncherRefusesAnUnsafeDirectoryWithAClearMessage() throws IOException {
        Path shared = Files.createDirectory(tmp.resolve("shared-cli"));
        Files.writeString(shared.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> TestGateway.startIn(shared)).hasMessageContaining("not an SMSDesk data directory");
    }

    // --- restore ---

    /** A backup zip with exactly these entries, in this order (the manifest is one of them, as text). */
    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path zip = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private static byte[] manifest(String... lines) {
        return ("format=1\ncreated=2026-12-01T00:00:00Z\nversion=test\n" + String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long sizeOf(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void aFileTheManifestDoesNotListOrThatNoDataDirectoryHoldsIsRefusedBeforeItIsWritten() throws IOException {
        java.util.LinkedHashMap<String, byte[]> listed = new java.util.LinkedHashMap<>();
        listed.put("backup.properties", manifest("sha256.authorized_keys=00"));
        listed.put("authorized_keys", "ssh-ed25519 AAAA attacker".getBytes(StandardCharsets.US_ASCII));
        Path extra = zip("extra.zip", listed);
        Path target = tmp.resolve("r1");
        assertThatThrownBy(() -> BackupService.restore(extra, target)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("authorized_keys");
        assertThat(Files.exists(target.resolve("authorized_keys"))).isFalse();

        java.util.LinkedHashMap<String, byte[]> unlisted = new java.util.LinkedHashMap<>();
        unlisted.put("backup.properties", manifest("sha256.private-token=00"));
        unlisted.put("jwt-hs256.key", "planted".getBytes(StandardCharsets.US_ASCII));
        Path target2 = tmp.resolve("r2");
        assertThatThrownBy(() -> BackupService.restore(zip("unlisted.zip", unlisted), target2))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unexpected entry");
        assertThat(sizeOf(target2)).isZero();
    }

    @Test
    void theManifestMustComeFirst() throws IOException {
        java.util.LinkedHashMap<String, byte[]> e = new java.util.LinkedHashMap<>();
        e.put("private-token", "x".getBytes(StandardCharsets.US_ASCII));
        e.put("backup.properties", manifest("sha256.private-token=00"));
        assertThatThrownBy(() -> BackupService.restore(zip("late.zip", e), tmp.resolve("r3")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("manifest");
    }

    @Test
    void aZipBombIsRefusedAfterAtMostItsDeclaredSize() throws IOException {
        Path bomb = tmp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("backup.properties"));
            out.write(manifest("sha256.smsdesk.db=00", "size.smsdesk.db=4096"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("smsdesk.db"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) { // 300 MiB of zeros: a few hundred KiB compressed
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        Path target = tmp.resolve("r4");
        assertThatThrownBy(() -> BackupService.restore(bomb, target)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("larger than it may be");
        assertThat(sizeOf(target)).as("nothing left behind").isZero();
    }

    @Test
    void aKeyFileOfABackupWithoutSizesIsCapped() throws IOException {
        java.util.LinkedHashMap<String, byte[]> e = new java.util.LinkedHashMap<>();
        e.put("backup.properties", manifest("sha256.smsdesk.db=00", "sha256.private-token=00"));
        e.put("private-token", new byte[200 * 1024]);
        assertThatThrownBy(() -> BackupService.restore(zip("big-token.zip", e), tmp.resolve("r5")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("private-token");
    }

    @Test
    void aBackupThroughALinkIntoTheDataDirectoryIsRefused() throws IOException {
        Path dir = tmp.resolve("gw");
        try (TestGateway gw = TestGateway.startIn(dir)) {
            Path link = Files.createSymbolicLink(tmp.resolve("into-data"), dir);
            BackupService backups = gw.services().backups();
            assertThatThrownBy(() -> backups.backup(link.resolve("b.zip"))).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("outside the data directory");
            assertThatThrownBy(() -> backups.backup(dir.resolve("b.zip"))).isInstanceOf(ValidationException.class);
            assertThat(Files.exists(dir.resolve("b.zip"))).isFalse();
            BackupService.Summary ok = backups.backup(tmp.resolve("outside.zip"));
            assertThat(ok.files()).contains(DataDir.DATABASE);
            assertThat(mode(tmp.resolve("outside.zip"))).isEqualTo("rw-------");
        }
        assertThat(BackupService.forDirectory(dir, "test", Clock.systemUTC())).isNotNull();
    }
}

package app.smsdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** What a fresh install leaves on disk: owner-only files, per-install secrets, and only bcrypt hashes. */
class SecurityDefaultsTest {
    private static final String PASSWORD = "security-default-password";
    private static final String SECOND_PASSWORD = "second-account-password-42";

    private static GatewayConfig config(Path dir, String password) {
        return new GatewayConfig("127.0.0.1", 0, dir, null, "admin", password, null, Clock.systemUTC());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void dataDirIsOwnerOnlyAndEveryFileInItToo(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("fresh/data"); // created by the gateway, not by the test
        try (Gateway gw = Gateway.start(config(dir, PASSWORD))) {
            gw.services().accounts().createAccount("second", SECOND_PASSWORD); // a write, so the WAL exists
            assertThat(perms(dir)).isEqualTo("rwx------");
            assertThat(perms(dir.resolve("smsdesk.db"))).isEqualTo("rw-------");
            assertThat(perms(dir.resolve("jwt-hs256.key"))).isEqualTo("rw-------");
            assertThat(perms(dir.resolve("private-token"))).isEqualTo("rw-------");
            assertThat(filePerms(dir)).containsKeys("smsdesk.db", "smsdesk.db-wal")
                    .allSatisfy((name, p) -> assertThat(p).as(name).isEqualTo("rw-------"));
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void looseExistingPermissionsAreTightenedOnStart(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("data");
        Gateway.start(config(dir, PASSWORD)).close();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("smsdesk.db"), PosixFilePermissions.fromString("rw-r--r--"));

        Gateway.start(config(dir, PASSWORD)).close();

        assertThat(perms(dir)).isEqualTo("rwx------");
        assertThat(perms(dir.resolve("smsdesk.db"))).isEqualTo("rw-------");
    }

    @Test
    void usersTableHoldsBcryptHashesAndNoFileHoldsAPassword(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        String generated;
        try (Gateway gw = Gateway.start(config(dir, null))) {
            generated = gw.firstRun().adminPassword();
            gw.services().accounts().createAccount("second", SECOND_PASSWORD);
        }
        assertThat(generated).isNotBlank();

        Map<String, String> hashes = passwordHashes(dir.resolve("smsdesk.db"));
        assertThat(hashes).containsOnlyKeys("admin", "second");
        assertThat(hashes.values()).allSatisfy(h -> assertThat(h).matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}"));
        assertThat(BCrypt.verifyer().verify(generated.toCharArray(), hashes.get("admin")).verified).isTrue();
        assertThat(BCrypt.verifyer().verify(SECOND_PASSWORD.toCharArray(), hashes.get("second")).verified).isTrue();

        for (Path file : files(dir)) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file.getFileName().toString())
                    .doesNotContain(generated).doesNotContain(SECOND_PASSWORD);
        }
    }

    @Test
    void eachInstallGetsItsOwnStrongJwtKeyAndPrivateToken(@TempDir Path tmp) throws IOException {
        Gateway.start(config(tmp.resolve("a"), PASSWORD)).close();
        Gateway.start(config(tmp.resolve("b"), PASSWORD)).close();
        byte[] keyA = Base64.getDecoder().decode(Files.readString(tmp.resolve("a/jwt-hs256.key")).strip());
        byte[] keyB = Base64.getDecoder().decode(Files.readString(tmp.resolve("b/jwt-hs256.key")).strip());
        assertThat(keyA).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(keyB);
        assertThat(Files.readString(tmp.resolve("a/private-token")))
                .isNotEqualTo(Files.readString(tmp.resolve("b/private-token")));
    }

    private static Map<String, String> passwordHashes(Path db) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, password_hash FROM users ORDER BY id")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static Map<String, String> filePerms(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path f : files(dir)) {
            out.put(f.getFileName().toString(), perms(f));
        }
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}

package app.smsdesk.gateway;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static app.smsdesk.gateway.testing.TestGateway.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.domain.ConflictException;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.service.BackupService;
import app.smsdesk.gateway.testing.GatewayProcess;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneDtos;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore end to end: a gateway with accounts, tokens (one revoked), a paired phone, messages (one
 * delivered), an inbound SMS, a webhook and settings is backed up while it keeps accepting messages, through the
 * service (the console) and through {@code --backup} in a separate process; both backups restore into empty
 * directories where everything works again, and damaged backups or non-empty directories are refused.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class BackupRestoreTest {
    @TempDir
    static Path tmp;
    static TestGateway source;
    static JsonNode kept;
    static JsonNode revoked;
    static PhoneSimulator.Registration phone;
    static String delivered;
    static String settings;
    static String caFingerprint;
    static String privateToken;
    static final List<String> acceptedBefore = new ArrayList<>();
    static final Queue<String> acceptedDuring = new ConcurrentLinkedQueue<>();
    static BackupService.Summary online;
    static GatewayProcess.Exit cli;

    @BeforeAll
    static void aGatewayWithEverythingIsBackedUpWhileItWorks() throws Exception {
        source = TestGateway.startIn(tmp.resolve("source"));
        source.services().accounts().createAccount("second", "second-account-password");
        kept = source.mint(List.of("messages:send", "messages:read", "messages:list"));
        revoked = source.mint(List.of("messages:list"));
        assertThat(source.delete("/auth/token/" + revoked.path("id").asText(), adminBasic()).status()).isEqualTo(204);
        PhoneSimulator sim = new PhoneSimulator(PhoneSimulator.Config.of(source.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withClock(source.clock())).start();
        phone = sim.registration();
        delivered = send(source, "delivered before the backup", phone.id());
        sim.awaitReported(delivered, PhoneDtos.ProcessingState.Delivered,
                Duration.ofSeconds(20));
        assertThat(sim.receiveSms("+15550001234", "an inbound SMS", source.clock().instant())).containsOnly(204);
        sim.close();
        assertThat(source.post("/webhooks", adminBasic(), "{\"url\":\"https://example.com/hook\","
                + "\"event\":\"sms:received\"}").status()).isEqualTo(201);
        assertThat(source.call("PATCH", "/settings", adminBasic(), "{\"messages\":{\"limit_period\":\"PerDay\","
                + "\"limit_value\":500}}").status()).isEqualTo(200);
        settings = source.get("/settings", adminBasic()).body();
        caFingerprint = source.gateway().certificates().caFingerprint();
        privateToken = source.gateway().privateToken();
        for (int i = 0; i < 20; i++) {
            acceptedBefore.add(send(source, "message " + i, null));
        }

        AtomicBoolean sending = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            while (sending.get()) {
                acceptedDuring.add(send(source, "sent during the backup", null));
            }
        });
        load.start();
        online = source.services().backups().backup(tmp.resolve("online.zip"));
        cli = GatewayProcess.runToExit(tmp, "--data-dir", tmp.resolve("source").toString(),
                "--backup", tmp.resolve("cli.zip").toString(), "--with-ca-key");
        sending.set(false);
        load.join();
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    private static String send(TestGateway gw, String text, String deviceId) {
        HttpResult r = gw.post("/messages", bearer(kept.path("access_token").asText()), TestGateway.json(
                deviceId == null ? Map.of("phoneNumbers", List.of("+14155552671"), "textMessage",
                        Map.of("text", text)) : Map.of("phoneNumbers", List.of("+14155552671"),
                        "textMessage", Map.of("text", text), "deviceId", deviceId)));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().path("id").asText();
    }

    @Test
    void theBackupsAreOwnerOnlyAndDescribeWhatTheyHold() throws IOException {
        assertThat(perms(tmp.resolve("online.zip"))).isEqualTo("rw-------");
        assertThat(perms(tmp.resolve("cli.zip"))).isEqualTo("rw-------");
        assertThat(cli.code()).as(cli.stderr()).isZero();
        assertThat(cli.stdout()).contains("Backup of", "written to", "phones").doesNotContain(privateToken);
        assertThat(online.files()).contains("smsdesk.db", "jwt-hs256.key", "private-token", "tls-ca-cert.pem",
                "tls-issuer-cert.pem", "tls-server-key.pem", "tls-server-cert.pem")
                .as("the CA's signing key only when asked for").doesNotContain("tls-issuer-key.pem");
        assertThat(zipEntries(tmp.resolve("cli.zip"))).contains("tls-issuer-key.pem");
        assertThat(online.counts().get("messages")).isGreaterThanOrEqualTo(21);
        assertThat(source.get("/logs", adminBasic()).body()).contains("backup written");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".smsdesk-backup"));
        }
    }

    private static List<String> zipEntries(Path zip) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }

    @Test
    void theOnlineBackupRestoresTokensWhenAskedPhonesMessagesAndSettings() throws IOException {
        Path dir = tmp.resolve("restored");
        BackupService.Summary restored = BackupService.restore(tmp.resolve("online.zip"), dir, true);
        assertThat(restored.counts()).isEqualTo(online.counts());
        assertThat(perms(dir)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).allSatisfy(f -> assertThat(perms(f)).as(f.toString()).isEqualTo("rw-------"));
        }
        try (TestGateway gw = TestGateway.startIn(dir)) {
            assertRestored(gw, true);
        }
    }

    @Test
    void theCommandLineBackupRestoresFromTheCommandLineRevokingItsTokens() throws IOException {
        Path dir = tmp.resolve("restored-cli");
        GatewayProcess.Exit restore = GatewayProcess.runToExit(tmp, "--data-dir", dir.toString(),
                "--restore", tmp.resolve("cli.zip").toString());
        assertThat(restore.code()).as(restore.stderr()).isZero();
        assertThat(restore.stdout()).contains("Restored", "Start the gateway with --data-dir",
                "Its tokens were revoked");
        try (TestGateway gw = TestGateway.startIn(dir)) {
            assertRestored(gw, false);
        }
    }

    private static void assertRestored(TestGateway gw, boolean tokensKept) {
        String minted = bearer(kept.path("access_token").asText());
        assertThat(gw.get("/messages?limit=1", minted).status()).as("a token minted before the backup")
                .isEqualTo(tokensKept ? 200 : 401);
        String token = tokensKept ? minted : gw.bearerWith("all:any");
        assertThat(gw.get("/messages", bearer(revoked.path("access_token").asText())).status())
                .as("a token revoked before").isEqualTo(401);
        for (String id : acceptedBefore) {
            assertThat(gw.get("/messages/" + id, token).json().path("textMessage").path("text").asText())
                    .startsWith("message ");
        }
        assertThat(gw.get("/messages/" + delivered, token).json().path("state").asText()).isEqualTo("Delivered");
        assertThat(gw.get("/settings", adminBasic()).body()).isEqualTo(settings);
        assertThat(gw.get("/webhooks", adminBasic()).body()).contains("https://example.com/hook");
        assertThat(gw.get("/inbox", adminBasic()).body()).contains("an inbound SMS");
        assertThat(gw.get("/messages", TestGateway.basic("second", "second-account-password")).status())
                .as("the second account").isEqualTo(200);
        assertThat(gw.gateway().privateToken()).isEqualTo(privateToken);
        assertThat(gw.gateway().certificates().caFingerprint()).as("phones keep trusting it").isEqualTo(caFingerprint);
        PhoneSimulator sim = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)));
        sim.restore(phone);
        assertThat(sim.send("GET", "/message", sim.bearer(), null).statusCode()).as("the paired phone").isEqualTo(200);
        sim.close();
    }

    @Test
    void aNonEmptyDirectoryOrADamagedBackupIsRefusedAndLeavesNothingBehind() throws IOException {
        assertThatThrownBy(() -> BackupService.restore(tmp.resolve("online.zip"), tmp.resolve("source")))
                .isInstanceOf(ConflictException.class);

        byte[] zip = Files.readAllBytes(tmp.resolve("online.zip"));
        Path damaged = tmp.resolve("damaged.zip");
        int at = new String(zip, StandardCharsets.ISO_8859_1).indexOf("private-token") + 200;
        zip[at] ^= 0x5a;
        Files.write(damaged, zip);
        Path dir = tmp.resolve("never");
        assertThatThrownBy(() -> BackupService.restore(damaged, dir)).isInstanceOf(ValidationException.class);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }

        Path notABackup = tmp.resolve("not-a-backup.zip");
        Files.writeString(notABackup, "hello");
        assertThatThrownBy(() -> BackupService.restore(notABackup, tmp.resolve("never2")))
                .isInstanceOf(ValidationException.class);
        GatewayProcess.Exit e = GatewayProcess.runToExit(tmp, "--data-dir", tmp.resolve("nothing-here").toString(),
                "--backup", tmp.resolve("x.zip").toString());
        assertThat(e.code()).isEqualTo(1);
        assertThat(e.stderr()).contains("backup failed", "no SMSDesk database");
    }

    private static String perms(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

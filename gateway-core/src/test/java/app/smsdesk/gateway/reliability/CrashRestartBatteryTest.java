package app.smsdesk.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash battery: the runnable gateway in its own JVM, killed with SIGKILL at random moments under concurrent
 * send and revoke load, then restarted on the same data. 3 trials in the normal suite, 20 with
 * {@code -Dreliability.long=true}; {@code -Dreliability.seed=N} replays the moments of a run.
 */
@EnabledOnOs(OS.LINUX) // destroyForcibly() is SIGKILL there; exit code 137 proves it
class CrashRestartBatteryTest {
    private static final int TRIALS = Reliability.pick(3, 20);

    @Test
    void nothingAcceptedIsLostAndNothingRevokedComesBack(@TempDir Path tmp) throws Exception {
        long seed = Reliability.seed();
        CrashBattery.Figures f;
        List<String> leaks = new ArrayList<>();
        try (CrashBattery battery = new CrashBattery(tmp, seed)) {
            battery.setUp();
            for (int i = 0; i < TRIALS; i++) {
                battery.trial();
            }
            f = battery.figures();
            for (Path log : battery.logs()) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                battery.secrets().stream().filter(text::contains)
                        .forEach(s -> leaks.add(log.getFileName() + " holds " + s.substring(0, 6) + "..."));
            }
        }
        Reliability.report("crash", List.of(
                "seed: " + seed,
                "trials (kill -9 under load): " + f.trials,
                "messages accepted (202): " + f.accepted + " (fewest in one trial: " + f.minAcceptedInTrial + ")",
                "messages lost or changed: " + f.lost.size(),
                "revocations acknowledged: " + f.revocations,
                "revoked tokens accepted after a restart: " + f.revokedButAccepted.size(),
                "integrity_check failures: " + f.integrity.size(),
                "phone reports and webhooks that failed during outages: " + f.phoneReportsHeldDuringOutage
                        + ", sent again after restarts: " + f.phoneReportsResent,
                "phone messages not reconciled: " + f.unreconciled.size()));

        assertThat(f.exitCodes).as("every trial ended in SIGKILL").hasSize(TRIALS).containsOnly(128 + 9);
        assertThat(f.minAcceptedInTrial).as("the kill hit a gateway under load").isPositive();
        assertThat(f.refused).as("answers other than 202/201/200 under normal load").isEmpty();
        assertThat(f.lost).as("accepted (202) but lost or changed").isEmpty();
        assertThat(f.integrity).as("PRAGMA integrity_check after kill -9").isEmpty();
        assertThat(f.revokedButAccepted).as("revoked before the crash, accepted after").isEmpty();
        assertThat(f.deadTokens).as("valid tokens refused after a restart").isEmpty();
        assertThat(f.phoneReportsHeldDuringOutage).as("the phone reported during each outage")
                .isGreaterThanOrEqualTo(TRIALS);
        assertThat(f.unreconciled).as("phone reports from the outage, after restart").isEmpty();
        assertThat(leaks).as("secrets in the gateway's debug log").isEmpty();
    }
}

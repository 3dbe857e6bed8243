package app.smsdesk.gateway.reliability;

import app.smsdesk.gateway.testing.GatewayProcess;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.LeakWatch;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs the gateway as a separate JVM on a fixed port, puts it under send and revoke load, {@code kill -9}s it at a
 * random moment, checks the file while nothing has it open, restarts it and checks every promise it made: each
 * 202-accepted message is there with its text and recipients, each acknowledged revocation holds, and a phone
 * whose reports failed during the outage gets them through after the restart.
 */
final class CrashBattery implements AutoCloseable {
    static final String PASSWORD = "crash-battery-password-0451";
    static final String PRIVATE_TOKEN = "crash-battery-private-token-8812";
    private static final int SENDERS = 6;
    private static final int PHONE_MESSAGES = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the trials found. */
    static final class Figures {
        int trials;
        int accepted;
        final List<String> lost = new ArrayList<>();
        int revocations;
        final List<String> revokedButAccepted = new ArrayList<>();
        final List<String> integrity = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        final List<Integer> exitCodes = new ArrayList<>();
        int minAcceptedInTrial = Integer.MAX_VALUE;
        int phoneReportsHeldDuringOutage;
        int phoneReportsResent;
        final List<String> unreconciled = new ArrayList<>();
        final List<String> deadTokens = new ArrayList<>();
    }

    private final Path tmp;
    private final Path data;
    private final int port = Reliability.freePort();
    private final Random random;
    private final Http http = new Http();
    private final Figures figures = new Figures();
    private final Map<String, CrashLoad.Accepted> accepted = new LinkedHashMap<>();
    private final List<CrashLoad.Revoked> revoked = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>(List.of(PASSWORD, PRIVATE_TOKEN));
    private final List<Path> logs = new ArrayList<>();
    private GatewayProcess gateway;
    private PhoneSimulator phone;
    private String loadDevice;

    CrashBattery(Path tmp, long seed) {
        this.tmp = tmp;
        this.data = tmp.resolve("data");
        this.random = new Random(seed);
    }

    String api() {
        return "http://127.0.0.1:" + port + "/3rdparty/v1";
    }

    /** Starts the gateway, a phone that holds what it gets (SSE) and a second phone that takes the load. */
    void setUp() {
        start();
        phone = new PhoneSimulator(PhoneSimulator.Config.of("http://127.0.0.1:" + port + "/api/mobile/v1",
                new PhoneSimulator.SignUp(PRIVATE_TOKEN)).holding()).start();
        PhoneSimulator loadPhone = new PhoneSimulator(PhoneSimulator.Config.of(
                "http://127.0.0.1:" + port + "/api/mobile/v1", new PhoneSimulator.SignUp(PRIVATE_TOKEN)));
        loadDevice = loadPhone.register().id();
        secrets.add(phone.registration().token());
        secrets.add(loadPhone.registration().token());
        loadPhone.close();
    }

    void trial() throws Exception {
        String token = mint();
        List<String> phoneMessages = sendToPhone(token);
        CrashLoad load = new CrashLoad(http, api(), "Bearer " + token, loadDevice, admin(), random.nextLong());
        load.start(SENDERS);
        awaitFirstAccepted(load);
        Thread.sleep(50 + random.nextInt(1_200)); // the random moment
        figures.exitCodes.add(gateway.kill(TIMEOUT));
        load.stop();

        // The outage: the phone sends what it held, and none of its reports get through.
        phoneMessages.forEach(phone::release);
        phone.drain();
        figures.phoneReportsHeldDuringOutage += phone.unsent();

        List<String> check = DatabaseFile.integrityCheck(data.resolve("smsdesk.db"));
        if (!check.equals(List.of("ok"))) {
            figures.integrity.add("trial " + figures.trials + ": " + check);
        }
        record(load);
        start();
        verifyMessages(token);
        verifyRevocations();
        if (http.call("GET", api() + "/messages?limit=1", "Bearer " + token, null).status() != 200) {
            figures.deadTokens.add(token.substring(0, 12) + "...");
        }
        awaitReconciled(phoneMessages);
        figures.trials++;
    }

    Figures figures() {
        figures.phoneReportsResent = phone.resent();
        return figures;
    }

    /** Every secret that went over the wire (none may appear in a log); all are on the leak watch too. */
    List<String> secrets() {
        secrets.forEach(LeakWatch::watch);
        return List.copyOf(secrets);
    }

    /** The gateway's log files, one per start. */
    List<Path> logs() {
        return List.copyOf(logs);
    }

    private void start() {
        gateway = GatewayProcess.start(tmp, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"),
                Map.of("SMSDESK_ADMIN_PASSWORD", PASSWORD, "SMSDESK_PRIVATE_TOKEN", PRIVATE_TOKEN),
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--https-port", "off",
                "--data-dir", data.toString(), "--phone-approval", "off");
        logs.add(gateway.logFile());
    }

    private static String admin() {
        return TestGateway.basic("admin", PASSWORD);
    }

    private String mint() {
        HttpResult r = http.call("POST", api() + "/auth/token", admin(),
                "{\"scopes\":[\"messages:send\",\"messages:read\",\"messages:list\"]}");
        if (r.status() != 201) {
            throw new AssertionError("mint: " + r + gateway.describe());
        }
        String token = r.json().path("access_token").asText();
        secrets.add(token);
        return token;
    }

    /** Messages for the holding phone; returns once the phone has them all. */
    private List<String> sendToPhone(String token) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PHONE_MESSAGES; i++) {
            HttpResult r = http.call("POST", api() + "/messages", "Bearer " + token, "{\"phoneNumbers\":[\""
                    + "+14155552671\"],\"textMessage\":{\"text\":\"held " + i + "\"},\"deviceId\":\""
                    + phone.registration().id() + "\"}");
            if (r.status() != 202) {
                throw new AssertionError("send to phone: " + r);
            }
            ids.add(r.json().path("id").asText());
        }
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!ids.stream().allMatch(id -> phone.message(id).isPresent())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the phone did not pull " + ids + ": " + phone.syncFailures());
            }
            Thread.sleep(20);
        }
        return ids;
    }

    private static void awaitFirstAccepted(CrashLoad load) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (load.accepted().isEmpty() && load.refused().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    private void record(CrashLoad load) {
        List<CrashLoad.Accepted> got = load.accepted();
        got.forEach(a -> accepted.put(a.id(), a));
        figures.accepted += got.size();
        figures.minAcceptedInTrial = Math.min(figures.minAcceptedInTrial, got.size());
        revoked.addAll(load.revoked());
        figures.revocations += load.revoked().size();
        figures.refused.addAll(load.refused());
        load.revoked().forEach(r -> secrets.add(r.accessToken()));
    }

    /** Reads every message of the load phone, page by page, and compares with what was accepted so far. */
    private void verifyMessages(String token) {
        Map<String, JsonNode> stored = new LinkedHashMap<>();
        for (int offset = 0; ; offset += 100) {
            HttpResult page = http.call("GET", api() + "/messages?deviceId=" + loadDevice
                    + "&includeContent=true&limit=100&offset=" + offset, "Bearer " + token, null);
            if (page.status() != 200) {
                throw new AssertionError("list: " + page);
            }
            page.json().forEach(m -> stored.put(m.path("id").asText(), m));
            if (page.json().size() < 100) {
                break;
            }
        }
        for (CrashLoad.Accepted a : accepted.values()) {
            JsonNode m = stored.get(a.id());
            if (m == null) {
                figures.lost.add(a.id() + " missing");
                continue;
            }
            List<String> to = new ArrayList<>();
            m.path("recipients").forEach(r -> to.add(r.path("phoneNumber").asText()));
            if (!a.text().equals(m.path("textMessage").path("text").asText()) || !a.recipients().equals(to)) {
                figures.lost.add(a.id() + " changed: " + m);
            }
        }
        accepted.keySet().removeIf(id -> figures.lost.stream().anyMatch(l -> l.startsWith(id)));
    }

    private void verifyRevocations() {
        for (CrashLoad.Revoked r : revoked) {
            int status = http.call("GET", api() + "/messages?limit=1", "Bearer " + r.accessToken(), null).status();
            if (status != 401) {
                figures.revokedButAccepted.add(r.jti() + " -> " + status);
            }
        }
    }

    /** The phone's reports from the outage arrive after the restart: each message ends Delivered. */
    private void awaitReconciled(List<String> ids) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        List<String> open = new ArrayList<>(ids);
        while (!open.isEmpty() && System.nanoTime() < end) {
            open.removeIf(id -> "Delivered".equals(http.call("GET", api() + "/messages/" + id, admin(), null)
                    .json().path("state").asText()));
            if (!open.isEmpty()) {
                Thread.sleep(50);
            }
        }
        open.forEach(id -> figures.unreconciled.add(id + " still " + http.call("GET", api() + "/messages/" + id,
                admin(), null).json().path("state").asText() + "; phone: " + phone.syncFailures()));
    }

    @Override
    public void close() {
        if (phone != null) {
            phone.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }
}

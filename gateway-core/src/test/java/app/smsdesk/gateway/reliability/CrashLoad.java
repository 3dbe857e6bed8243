package app.smsdesk.gateway.reliability;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What runs against the gateway while it is killed: several threads sending messages (random text, 1 to 3
 * recipients) and one minting and revoking tokens. Only answers the gateway gave count: a 202 is a promise that
 * the message is stored, a 2xx to a revocation that the token is dead for good.
 */
final class CrashLoad {
    /** An accepted message as the gateway must keep it. */
    record Accepted(String id, String text, List<String> recipients) {
    }

    /** A token whose revocation the gateway acknowledged. */
    record Revoked(String jti, String accessToken) {
    }

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?'\"\\/"
            + "\n\téßøñ漢字שלום€";
    private static final String[] EMOJI = {"😀", "👍🏽", "🇩🇪", "❤️"};

    private final Http http;
    private final String api;
    private final String bearer;
    private final String deviceId;
    private final String adminBasic;
    private final Random seeds;
    private final Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    private final Queue<Revoked> revoked = new ConcurrentLinkedQueue<>();
    private final Queue<String> refused = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    CrashLoad(Http http, String api, String bearer, String deviceId, String adminBasic, long seed) {
        this.http = http;
        this.api = api;
        this.bearer = bearer;
        this.deviceId = deviceId;
        this.adminBasic = adminBasic;
        this.seeds = new Random(seed);
    }

    void start(int senders) {
        running.set(true);
        for (int i = 0; i < senders; i++) {
            Random random = new Random(seeds.nextLong());
            threads.add(daemon(() -> sendLoop(random), "crash-load-send-" + i));
        }
        threads.add(daemon(this::revokeLoop, "crash-load-revoke"));
        threads.forEach(Thread::start);
    }

    /** Stops the load (after the kill every thread ends on its own at the first refused connection). */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
        threads.clear();
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    List<Revoked> revoked() {
        return List.copyOf(revoked);
    }

    /** Answers other than the expected ones while the gateway was up (there must be none). */
    List<String> refused() {
        return List.copyOf(refused);
    }

    private void sendLoop(Random random) {
        while (running.get()) {
            String text = text(random);
            List<String> to = recipients(random);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("phoneNumbers", to);
            body.put("textMessage", Map.of("text", text));
            body.put("deviceId", deviceId);
            HttpResult r;
            try {
                r = http.send("POST", api + "/messages", bearer, TestGateway.json(body));
            } catch (IOException e) {
                return; // killed while this request was in flight: no promise was made
            }
            if (r.status() != 202) {
                refused.add("POST /messages -> " + r);
                return;
            }
            accepted.add(new Accepted(r.json().path("id").asText(), text, to));
        }
    }

    private void revokeLoop() {
        while (running.get()) {
            try {
                HttpResult minted = http.send("POST", api + "/auth/token", adminBasic,
                        "{\"scopes\":[\"messages:list\"],\"name\":\"crash battery\"}");
                if (minted.status() != 201) {
                    refused.add("POST /auth/token -> " + minted);
                    return;
                }
                JsonNode token = minted.json();
                String jti = token.path("id").asText();
                HttpResult r = http.send("DELETE", api + "/auth/token/" + jti, adminBasic, null);
                if (r.status() / 100 != 2) {
                    refused.add("DELETE /auth/token -> " + r);
                    return;
                }
                revoked.add(new Revoked(jti, token.path("access_token").asText()));
            } catch (IOException e) {
                return;
            }
        }
    }

    static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 2_000 : 160);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(40) == 0) {
                b.append(EMOJI[random.nextInt(EMOJI.length)]);
            } else {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }

    static List<String> recipients(Random random) {
        int n = 1 + random.nextInt(3);
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String number = String.format("+1415555%04d", random.nextInt(10_000));
            if (!out.contains(number)) {
                out.add(number);
            }
        }
        return out;
    }

    private static Thread daemon(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        return t;
    }
}

package app.smsdesk.bench;

import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * SSE wake latency: N simulated phones hold event streams open; each sample sends one message to a random phone
 * through the third-party API and measures the time until that phone's {@code GET /message} returned it.
 *
 * <p>Usage: {@code sse BASE_URL PRIVATE_TOKEN LOGIN PASSWORD PHONES SAMPLES RUNS}; registers the phones once
 * (registration is rate-limited per address) and prints one JSON line per run.
 */
public final class SseWakeBench {
    private SseWakeBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int phones = Integer.parseInt(args[4]);
        int samples = Integer.parseInt(args[5]);
        int runs = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        String basic = "Basic " + Base64.getEncoder().encodeToString((args[2] + ":" + args[3])
                .getBytes(StandardCharsets.UTF_8));
        Map<String, CompletableFuture<Long>> pulled = new ConcurrentHashMap<>();
        List<PhoneSimulator> sims = new ArrayList<>();
        List<String> deviceIds = new ArrayList<>();
        try {
            for (int i = 0; i < phones; i++) {
                PhoneSimulator sim = new PhoneSimulator(PhoneSimulator.Config.of(base + "/mobile/v1",
                        new PhoneSimulator.SignUp(args[1])));
                sim.onPull(batch -> {
                    long now = System.nanoTime();
                    batch.forEach(m -> {
                        CompletableFuture<Long> f = pulled.get(m.id);
                        if (f != null) {
                            f.complete(now);
                        }
                    });
                });
                sim.start();
                sim.awaitEvent("SettingsUpdated", Duration.ofSeconds(10)); // the stream is open
                sims.add(sim);
                deviceIds.add(sim.registration().id());
            }
            HttpClient http = HttpClient.newHttpClient();
            Random random = new Random(7);
            warmUp(http, base, basic, sims, deviceIds, pulled, random);
            for (int run = 1; run <= runs; run++) {
                List<Double> latencies = new ArrayList<>();
                for (int i = 0; i < samples; i++) {
                    latencies.add(sample(http, base, basic, sims, deviceIds, pulled, random));
                }
                latencies.sort(Double::compare);
                System.out.printf(Locale.ROOT, "{\"phones\":%d,\"run\":%d,\"samples\":%d,\"p50_ms\":%.3f,"
                                + "\"p99_ms\":%.3f,\"max_ms\":%.3f}%n", phones, run, samples, pct(latencies, 50),
                        pct(latencies, 99), latencies.get(latencies.size() - 1));
            }
        } finally {
            sims.forEach(PhoneSimulator::close);
        }
    }

    private static void warmUp(HttpClient http, String base, String basic, List<PhoneSimulator> sims,
                               List<String> deviceIds, Map<String, CompletableFuture<Long>> pulled, Random random)
            throws Exception {
        for (int i = 0; i < 20; i++) {
            sample(http, base, basic, sims, deviceIds, pulled, random);
        }
    }

    /** Sends one message to a random phone and returns the milliseconds until that phone pulled it. */
    private static double sample(HttpClient http, String base, String basic, List<PhoneSimulator> sims,
                                 List<String> deviceIds, Map<String, CompletableFuture<Long>> pulled, Random random)
            throws Exception {
        String id = "wake-" + System.nanoTime();
        CompletableFuture<Long> done = new CompletableFuture<>();
        pulled.put(id, done);
        int target = random.nextInt(sims.size());
        String body = String.format("{\"id\":\"%s\",\"deviceId\":\"%s\",\"phoneNumbers\":[\"+14155552671\"],"
                + "\"textMessage\":{\"text\":\"wake\"}}", id, deviceIds.get(target));
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/3rdparty/v1/messages"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("send failed: " + r.statusCode() + " " + r.body());
        }
        long end = done.get(10, TimeUnit.SECONDS);
        pulled.remove(id);
        // Let the phone finish sending and reporting before the next sample, so that every sample times the
        // gateway's wake-up of an idle phone, not the simulator's own queue.
        sims.get(target).drain();
        return (end - start) / 1e6;
    }

    private static double pct(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}

package app.smsdesk.bench;

import java.nio.file.Path;
import java.util.Arrays;

/** Entry point of the benchmark jar: {@code hello}, {@code seed}, {@code report} or {@code jmh}. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "hello" -> HelloServer.main(rest);
            case "seed" -> Seeder.seed(Path.of(rest[0]), Integer.parseInt(rest[1]));
            case "report" -> Report.main(rest);
            case "sse" -> SseWakeBench.main(rest);
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: hello PORT | seed DATA_DIR COUNT | sse BASE PRIVATE_TOKEN LOGIN PASSWORD PHONES SAMPLES"
                + " | report RESULTS.jsonl JMH.json OUT.md | jmh [JMH args]");
        System.exit(2);
    }
}

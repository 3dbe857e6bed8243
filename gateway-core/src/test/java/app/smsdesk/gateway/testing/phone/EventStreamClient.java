package app.smsdesk.gateway.testing.phone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The app's event-stream client (OkHttp-SSE 4.10): requires 200 and {@code text/event-stream}, reads
 * {@code event:}/{@code data:} lines, ignores comments, drops events without a data line, and reconnects after a
 * delay whenever the stream ends or fails (a 401 included: only an app restart re-registers).
 */
final class EventStreamClient {
    /** What the stream reports to the phone. */
    interface Listener {
        /** The stream opened (the app pulls its messages then). */
        void opened();

        /** An event with a data line. */
        void event(SseEvent event);

        /** A comment line such as the keep-alive. */
        void comment(String text);

        /** Something a real client would drop or fail on. */
        void problem(String what);
    }

    private final HttpClient http;
    private final URI url;
    private final Supplier<String> authorization;
    private final Duration retry;
    private final Listener listener;
    private final BlockingQueue<Integer> attempts = new LinkedBlockingQueue<>();
    private volatile boolean wanted;
    private volatile InputStream body;
    private volatile Thread thread;

    EventStreamClient(HttpClient http, URI url, Supplier<String> authorization, Duration retry, Listener listener) {
        this.http = http;
        this.url = url;
        this.authorization = authorization;
        this.retry = retry;
        this.listener = listener;
    }

    void start() {
        wanted = true;
        Thread t = new Thread(this::loop, "phone-sse");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop() {
        wanted = false;
        InputStream b = body;
        if (b != null) {
            try {
                b.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** The status of the next (re)connection attempt: 200 when open, -1 for a wrong content type. */
    int awaitAttempt(Duration timeout) {
        try {
            Integer s = attempts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (s == null) {
                throw new AssertionError("no event stream attempt within " + timeout);
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void loop() {
        while (wanted) {
            try {
                HttpRequest.Builder req = HttpRequest.newBuilder(url).header("Accept", "text/event-stream")
                        .header("User-Agent", "okhttp/4.10.0").GET();
                String auth = authorization.get();
                if (auth != null) {
                    req.header("Authorization", auth);
                }
                HttpResponse<InputStream> r = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
                String type = r.headers().firstValue("Content-Type").orElse("");
                if (r.statusCode() != 200 || !type.startsWith("text/event-stream")) {
                    r.body().close();
                    if (r.statusCode() == 200) {
                        listener.problem("event stream with Content-Type '" + type + "' rejected");
                    }
                    attempts.add(r.statusCode() == 200 ? -1 : r.statusCode());
                } else {
                    body = r.body();
                    attempts.add(200);
                    listener.opened();
                    read(r.body());
                }
            } catch (IOException e) {
                // closed or refused: retry below
            } catch (InterruptedException e) {
                return;
            }
            if (wanted) {
                try {
                    Thread.sleep(retry.toMillis()); // the app's reconnect ladder, shrunk
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    listener.event(new SseEvent(name, data.toString()));
                } else if (name != null) {
                    listener.problem("event without a data line dropped: " + name);
                }
                name = null;
                data = null;
            } else if (line.startsWith(":")) {
                listener.comment(line.substring(1));
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String d = line.substring(5);
                d = d.startsWith(" ") ? d.substring(1) : d;
                data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
            }
        }
    }

}

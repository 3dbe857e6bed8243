package app.smsdesk.gateway.reliability;

import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.JsonRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP/1.1 client for gateways running in another process. */
final class Http {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends a request; an {@link IOException} means the gateway could not be reached or went away. */
    HttpResult send(String method, String url, String authorization, String body, Map<String, String> headers)
            throws IOException {
        HttpRequest.Builder b = JsonRequest.builder(method, url, authorization, body);
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult(r.statusCode(), r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    HttpResult send(String method, String url, String authorization, String body) throws IOException {
        return send(method, url, authorization, body, Map.of());
    }

    /** As {@link #send}, for calls that must reach the gateway. */
    HttpResult call(String method, String url, String authorization, String body) {
        try {
            return send(method, url, authorization, body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        }
    }
}

package app.smsdesk.gateway.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The request every test client sends: a method, an optional JSON body and optional credentials. */
public final class JsonRequest {
    private JsonRequest() {
    }

    /** A builder for {@code method url} with a 30 s timeout, {@code Authorization} and a JSON body when given. */
    public static HttpRequest.Builder builder(String method, String url, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return b;
    }
}

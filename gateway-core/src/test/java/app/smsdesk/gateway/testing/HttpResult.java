package app.smsdesk.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A response as tests look at it: status, headers, body and the body as JSON. */
public record HttpResult(int status, HttpResponse<String> raw) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String body() {
        return raw.body();
    }

    public JsonNode json() {
        try {
            return MAPPER.readTree(raw.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + status + "): " + raw.body(), e);
        }
    }

    public Optional<String> header(String name) {
        return raw.headers().firstValue(name);
    }

    @Override
    public String toString() {
        return status + " " + raw.body();
    }
}

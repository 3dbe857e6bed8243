package app.smsdesk.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.RawHttp;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * F8, event streams: at most 4 per phone (the audit's figure; a fifth closes the oldest, which after a network
 * change is the dead one, rather than refusing the phone's fresh stream) and a bound in all. The per-address
 * and total connection caps are tested on the HTTP layer with small caps ({@code ConnectionLimitsTest} in the
 * http package), since tests may only connect from loopback.
 */
class F8ConnectionLimitsTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    @Test
    void eventStreamsPerPhoneBounded() throws Exception {
        PhoneSimulator phone = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)).withClock(gw.clock()));
        phone.register();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<InputStream> bodies = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(gw.mobileApi()
                        + "/events")).header("Authorization", phone.bearer()).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).as("every new stream is served").isEqualTo(200);
                bodies.add(r.body());
            }
            String id = phone.registration().id();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (gw.gateway().phones().hub().openStreams(id) > 4 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(gw.gateway().phones().hub().openStreams(id)).isEqualTo(4);
            // The oldest were closed by the gateway: reading them ends (at the end of the stream, or as "closed").
            BufferedReader first = new BufferedReader(new InputStreamReader(bodies.get(0), StandardCharsets.UTF_8));
            boolean ended;
            try {
                while (first.readLine() != null) {
                    // the frames sent before it was closed
                }
                ended = true;
            } catch (java.io.IOException e) {
                ended = true;
            }
            assertThat(ended).isTrue();
        } finally {
            for (InputStream b : bodies) {
                b.close();
            }
            phone.close();
        }
    }

    @Test
    void anIdleConnectionCountsBeforeItSendsAByte() throws Exception {
        // What slowloris relies on: connections that never finish a request. They are counted at accept time.
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                idle.add(RawHttp.connect(gw.gateway().port(), "127.0.0.42", Duration.ofSeconds(10)));
            }
            RawHttp.Response health = RawHttp.send(gw.gateway().port(), null, RawHttp.request(
                    "GET /health HTTP/1.1\r\nHost: 127.0.0.1", new byte[0]), Duration.ofSeconds(10));
            assertThat(health.status()).isEqualTo(200);
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }
}

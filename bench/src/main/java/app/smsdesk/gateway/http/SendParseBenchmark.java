package app.smsdesk.gateway.http;

import app.smsdesk.gateway.service.SendRequest;
import app.smsdesk.gateway.service.SendValidation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** JSON parse of a send request into the wire record, then every field rule including libphonenumber. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SendParseBenchmark {
    private static final byte[] BODY = ("{\"phoneNumbers\":[\"+14155552671\",\"+447911123456\"],"
            + "\"textMessage\":{\"text\":\"Your table for 4 is ready. Reply STOP to opt out.\"},"
            + "\"priority\":10,\"ttl\":3600,\"withDeliveryReport\":true}").getBytes(StandardCharsets.UTF_8);

    @Benchmark
    public Object parseAndValidate() {
        MessageHandlers.SendBody b = Json.read(BODY, MessageHandlers.SendBody.class);
        SendRequest r = MessageHandlers.toRequest(b, false, null);
        return SendValidation.validate(r, "US", Instant.now());
    }
}

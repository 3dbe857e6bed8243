package app.smsdesk.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.smsdesk.gateway.domain.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A malformed body is a 400 that says what is wrong and where, but not which parser runs here: Jackson's class,
 * feature and constraint names and source excerpts are taken out (the fuzzer found them on the wire).
 */
class JsonErrorMessageTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{} []                | Trailing token",
        "{\"a\":               | Unexpected end-of-input",
        "{\"a\":[1,2}          | Unexpected close marker",
        "nope                 | Unrecognized token",
        "{\"a\":1,\"a\":2}       | Duplicate field",
        "[[[[[[[[[[[[[[[[[[[[ | Unexpected end-of-input"})
    void theReasonIsKeptAndTheInternalsGo(String body, String reason) {
        String message = readTreeMessage(body);
        assertThat(message).startsWith("malformed JSON: ").contains(reason).contains("(line 1, column ")
                .doesNotContain("`", "jackson", "Feature", "Source", "JsonNode", "REDACTED");
    }

    @org.junit.jupiter.api.Test
    void tooDeepAndTooLongAreSaidPlainly() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThat(readTreeMessage(deep)).contains("nesting depth").doesNotContain("`", "StreamReadConstraints");
        assertThat(Json.plain("String value length (20000001) exceeds the maximum allowed (20000000, from "
                + "`StreamReadConstraints.getMaxStringLength()`)"))
                .isEqualTo("String value length (20000001) exceeds the maximum allowed");
    }

    private static String readTreeMessage(String body) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> readTree(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as("refused: " + body).isNotNull();
        return e.getMessage();
    }

    private static JsonNode readTree(byte[] body) {
        return Json.readTree(body);
    }
}

package app.smsdesk.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.domain.MessageContent;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.RecipientState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The message row's JSON columns: round trips, rows written by the earlier data-binding code, corrupt values. */
class MessageColumnsTest {
    /** Columns are read from their stored UTF-8 bytes. */
    private static byte[] utf8(String json) {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void contentRoundTrips() {
        MessageContent text = MessageContent.text("Hello \"quoted\" \\ ünïcødé 👋\n");
        MessageContent data = MessageContent.data("AQID", 53739);
        assertThat(MessageColumns.content(utf8(MessageColumns.content(text)))).isEqualTo(text);
        assertThat(MessageColumns.content(utf8(MessageColumns.content(data)))).isEqualTo(data);
    }

    @Test
    void recipientsAndStatesRoundTrip() {
        List<RecipientState> recipients = List.of(new RecipientState("+14155552671", ProcessingState.Delivered, null),
                new RecipientState("+14155552672", ProcessingState.Failed, "RESULT_ERROR_GENERIC_FAILURE"));
        assertThat(MessageColumns.recipients(utf8(MessageColumns.recipients(recipients)))).isEqualTo(recipients);
        Map<ProcessingState, Instant> states = new EnumMap<>(ProcessingState.class);
        states.put(ProcessingState.Pending, Instant.ofEpochMilli(1_700_000_000_123L));
        states.put(ProcessingState.Sent, Instant.ofEpochMilli(1_700_000_001_456L));
        assertThat(MessageColumns.states(utf8(MessageColumns.states(states)))).isEqualTo(states);
    }

    @Test
    void readsWhatTheDataBindingWriterWrote() {
        // Rows stored before the streaming writer: the same keys, written by Jackson data binding.
        assertThat(MessageColumns.recipients(utf8(JsonColumns.write(List.of(
                new RecipientState("+14155552671", ProcessingState.Sent, null))))))
                .containsExactly(new RecipientState("+14155552671", ProcessingState.Sent, null));
        assertThat(MessageColumns.content(utf8(JsonColumns.write(Map.of("data", "AQID", "port", 7)))))
                .isEqualTo(MessageContent.data("AQID", 7));
    }

    @Test
    void unknownKeysAndStatesAreSkipped() {
        assertThat(MessageColumns.content(utf8("{\"text\":\"hi\",\"future\":{\"a\":[1,2]}}")))
                .isEqualTo(MessageContent.text("hi"));
        assertThat(MessageColumns.states(utf8("{\"Pending\":1000,\"Teleported\":2000}")))
                .containsOnlyKeys(ProcessingState.Pending);
        assertThat(MessageColumns.recipients(utf8("[{\"phoneNumber\":\"+1\",\"state\":\"Sent\",\"extra\":[{}]}]")))
                .containsExactly(new RecipientState("+1", ProcessingState.Sent, null));
    }

    @Test
    void corruptValuesAreReportedWithTheColumn() {
        assertThatThrownBy(() -> MessageColumns.states(utf8("[1]"))).hasMessageContaining("states");
        assertThatThrownBy(() -> MessageColumns.recipients(utf8("{"))).hasMessageContaining("recipients");
        assertThatThrownBy(() -> MessageColumns.content(utf8("nope"))).hasMessageContaining("content");
    }
}

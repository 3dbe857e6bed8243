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
    @Test
    void contentRoundTrips() {
        MessageContent text = MessageContent.text("Hello \"quoted\" \\ ünïcødé 👋\n");
        MessageContent data = MessageContent.data("AQID", 53739);
        assertThat(MessageColumns.content(MessageColumns.content(text))).isEqualTo(text);
        assertThat(MessageColumns.content(MessageColumns.content(data))).isEqualTo(data);
    }

    @Test
    void recipientsAndStatesRoundTrip() {
        List<RecipientState> recipients = List.of(new RecipientState("+14155552671", ProcessingState.Delivered, null),
                new RecipientState("+14155552672", ProcessingState.Failed, "RESULT_ERROR_GENERIC_FAILURE"));
        assertThat(MessageColumns.recipients(MessageColumns.recipients(recipients))).isEqualTo(recipients);
        Map<ProcessingState, Instant> states = new EnumMap<>(ProcessingState.class);
        states.put(ProcessingState.Pending, Instant.ofEpochMilli(1_700_000_000_123L));
        states.put(ProcessingState.Sent, Instant.ofEpochMilli(1_700_000_001_456L));
        assertThat(MessageColumns.states(MessageColumns.states(states))).isEqualTo(states);
    }

    @Test
    void readsWhatTheDataBindingWriterWrote() {
        // Rows stored before the streaming writer: the same keys, written by Jackson data binding.
        assertThat(MessageColumns.recipients(JsonColumns.write(List.of(
                new RecipientState("+14155552671", ProcessingState.Sent, null)))))
                .containsExactly(new RecipientState("+14155552671", ProcessingState.Sent, null));
        assertThat(MessageColumns.content(JsonColumns.write(Map.of("data", "AQID", "port", 7))))
                .isEqualTo(MessageContent.data("AQID", 7));
    }

    @Test
    void unknownKeysAndStatesAreSkipped() {
        assertThat(MessageColumns.content("{\"text\":\"hi\",\"future\":{\"a\":[1,2]}}"))
                .isEqualTo(MessageContent.text("hi"));
        assertThat(MessageColumns.states("{\"Pending\":1000,\"Teleported\":2000}"))
                .containsOnlyKeys(ProcessingState.Pending);
        assertThat(MessageColumns.recipients("[{\"phoneNumber\":\"+1\",\"state\":\"Sent\",\"extra\":[{}]}]"))
                .containsExactly(new RecipientState("+1", ProcessingState.Sent, null));
    }

    @Test
    void corruptValuesAreReportedWithTheColumn() {
        assertThatThrownBy(() -> MessageColumns.states("[1]")).hasMessageContaining("states");
        assertThatThrownBy(() -> MessageColumns.recipients("{")).hasMessageContaining("recipients");
        assertThatThrownBy(() -> MessageColumns.content("nope")).hasMessageContaining("content");
    }
}

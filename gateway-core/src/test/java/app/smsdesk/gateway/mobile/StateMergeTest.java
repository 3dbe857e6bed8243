package app.smsdesk.gateway.mobile;

import static app.smsdesk.gateway.domain.ProcessingState.Cancelled;
import static app.smsdesk.gateway.domain.ProcessingState.Cancelling;
import static app.smsdesk.gateway.domain.ProcessingState.Delivered;
import static app.smsdesk.gateway.domain.ProcessingState.Failed;
import static app.smsdesk.gateway.domain.ProcessingState.Pending;
import static app.smsdesk.gateway.domain.ProcessingState.Processed;
import static app.smsdesk.gateway.domain.ProcessingState.Sent;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.MessageContent;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.RecipientState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StateMergeTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-01-01T10:05:00Z");

    static OutgoingMessage message(ProcessingState state, ProcessingState... recipients) {
        List<RecipientState> rs = new java.util.ArrayList<>();
        for (int i = 0; i < recipients.length; i++) {
            rs.add(new RecipientState("+1415555267" + i, recipients[i], null));
        }
        return new OutgoingMessage(1, "m1", "admin", "dev", MessageContent.text("x"), rs, Map.of(Pending, T0), state,
                null, null, null, true, 0, false, T0, T0);
    }

    static StateReport report(ProcessingState state, ProcessingState recipient) {
        return new StateReport("m1", state, List.of(new StateReport.Recipient("+14155552670", recipient, null)),
                Map.of());
    }

    @ParameterizedTest(name = "{0} then reported {1} -> {2}")
    @CsvSource({
            "Pending, Pending, Processed",      // the phone has it
            "Pending, Sent, Sent",
            "Sent, Processed, Sent",            // late report does not go back
            "Delivered, Sent, Delivered",
            "Failed, Delivered, Failed",        // final
            "Cancelled, Sent, Cancelled",       // final
            "Cancelling, Cancelled, Cancelled",
            "Cancelling, Sent, Sent",           // it was already sent
            "Pending, Cancelling, Pending",     // only the server asks to cancel
            "Sent, Failed, Failed"})
    void statesOnlyMoveForward(ProcessingState current, ProcessingState reported, ProcessingState expected) {
        OutgoingMessage m = message(current, current);
        OutgoingMessage out = StateMerge.apply(m, report(reported, reported), NOW).orElse(m);
        assertThat(out.state()).isEqualTo(expected);
        assertThat(out.recipients().get(0).state()).isEqualTo(expected);
    }

    @Test
    void historyKeepsTheFirstTimestampOfEachState() {
        Instant phoneSent = Instant.parse("2026-01-01T10:01:00Z");
        OutgoingMessage m = message(Processed, Processed);
        OutgoingMessage sent = StateMerge.apply(m, new StateReport("m1", Sent,
                List.of(new StateReport.Recipient("+14155552670", Sent, null)),
                Map.of(Pending, Instant.parse("2025-12-31T00:00:00Z"), Sent, phoneSent)), NOW).orElseThrow();
        assertThat(sent.states()).containsEntry(Pending, T0).containsEntry(Sent, phoneSent);

        OutgoingMessage again = StateMerge.apply(sent, new StateReport("m1", Sent, List.of(),
                Map.of(Sent, NOW)), NOW.plusSeconds(1)).orElse(sent);
        assertThat(again.states()).containsEntry(Sent, phoneSent);
    }

    @Test
    void aRepeatedReportChangesNothing() {
        OutgoingMessage once = StateMerge.apply(message(Processed, Processed), report(Sent, Sent), NOW).orElseThrow();
        assertThat(StateMerge.apply(once, report(Sent, Sent), NOW.plusSeconds(5))).isEmpty();
    }

    @Test
    void anErrorIsKeptWithTheFailedRecipientAndLongOnesAreCut() {
        OutgoingMessage m = message(Processed, Processed, Processed);
        String longError = "x".repeat(300);
        OutgoingMessage out = StateMerge.apply(m, new StateReport("m1", Sent, List.of(
                new StateReport.Recipient("+14155552670", Sent, null),
                new StateReport.Recipient("14155552671", Failed, longError)), Map.of()), NOW).orElseThrow();
        assertThat(out.recipients().get(1).state()).isEqualTo(Failed); // matched without the leading +
        assertThat(out.recipients().get(1).error()).hasSize(StateMerge.MAX_ERROR);
        assertThat(out.recipients().get(0).error()).isNull();
    }

    @Test
    void withoutAMessageStateItIsDerivedFromTheRecipients() {
        OutgoingMessage m = message(Sent, Sent, Sent);
        OutgoingMessage one = StateMerge.apply(m, new StateReport("m1", null, List.of(
                new StateReport.Recipient("+14155552670", Delivered, null)), Map.of(Delivered, NOW)), NOW)
                .orElseThrow();
        assertThat(one.state()).isEqualTo(Sent);
        OutgoingMessage both = StateMerge.apply(one, new StateReport("m1", null, List.of(
                new StateReport.Recipient("+14155552671", Delivered, null)), Map.of()), NOW).orElseThrow();
        assertThat(both.state()).isEqualTo(Delivered);
        assertThat(StateMerge.aggregate(List.of(new RecipientState("a", Delivered, null),
                new RecipientState("b", Failed, null)))).isEqualTo(Sent);
        assertThat(StateMerge.aggregate(List.of(new RecipientState("a", Cancelling, null),
                new RecipientState("b", Cancelled, null)))).isEqualTo(Cancelling);
        assertThat(StateMerge.aggregate(List.of(new RecipientState("a", Cancelled, null)))).isEqualTo(Cancelled);
    }
}

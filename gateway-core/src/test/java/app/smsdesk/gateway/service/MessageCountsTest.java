package app.smsdesk.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.domain.DayCounts;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.testing.TestGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageCountsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private TestGateway gw;
    private MessageService messages;

    @BeforeEach
    void start() {
        gw = TestGateway.start();
        messages = gw.services().messages();
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private OutgoingMessage sendAt(Instant at) {
        gw.clock().set(at);
        return messages.send(gw.admin(), SendRequest.text("hello", List.of("+14155552671")));
    }

    @Test
    void countsByDayBucketsByLocalDayAndKeepsEmptyDays() {
        LocalDate day = LocalDate.of(2026, 3, 10);
        // 00:10 Berlin on the 10th is 23:10 UTC on the 9th: bucketing must use the zone, not UTC.
        sendAt(day.atTime(23, 30).atZone(BERLIN).toInstant());
        sendAt(day.atTime(0, 10).atZone(BERLIN).toInstant());
        OutgoingMessage cancelled = sendAt(day.plusDays(2).atTime(9, 0).atZone(BERLIN).toInstant());
        messages.cancel(gw.admin(), cancelled.id());

        List<DayCounts> days = messages.countsByDay(gw.admin(), day, day.plusDays(2), BERLIN);

        assertThat(days).extracting(DayCounts::day).containsExactly(day, day.plusDays(1), day.plusDays(2));
        assertThat(days.get(0).get(ProcessingState.Pending)).isEqualTo(2);
        assertThat(days.get(1).total()).isZero();
        assertThat(days.get(2).get(ProcessingState.Cancelling)).isEqualTo(1);
        assertThat(days.get(2).get(ProcessingState.Pending)).isZero();
    }

    @Test
    void countsByDayHandlesTheDaylightSavingSwitch() {
        LocalDate switchDay = LocalDate.of(2026, 3, 29); // Berlin: 23-hour day
        sendAt(switchDay.atTime(23, 50).atZone(BERLIN).toInstant());
        sendAt(switchDay.plusDays(1).atTime(0, 5).atZone(BERLIN).toInstant());

        List<DayCounts> days = messages.countsByDay(gw.admin(), switchDay, switchDay.plusDays(1), BERLIN);

        assertThat(days).extracting(DayCounts::total).containsExactly(1L, 1L);
    }

    @Test
    void countByStateHonoursTheTimeRangeAndFailedSinceCountsOnlyFailures() {
        Instant t0 = Instant.parse("2026-05-01T10:00:00Z");
        sendAt(t0);
        sendAt(t0.plus(Duration.ofHours(2)));

        assertThat(messages.countByState(gw.admin(), t0.plusSeconds(1), null))
                .containsEntry(ProcessingState.Pending, 1L).hasSize(1);
        assertThat(messages.countByState(gw.admin(), null, null)).containsEntry(ProcessingState.Pending, 2L);
        assertThat(messages.failedSince(gw.admin(), t0.minusSeconds(60))).isZero();
    }

    @Test
    void countsByDayRejectsReversedOrHugeRanges() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        assertThatThrownBy(() -> messages.countsByDay(gw.admin(), d, d.minusDays(1), BERLIN))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> messages.countsByDay(gw.admin(), d, d.plusDays(400), BERLIN))
                .isInstanceOf(ValidationException.class);
    }
}

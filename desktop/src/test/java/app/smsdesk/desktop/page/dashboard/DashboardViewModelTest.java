package app.smsdesk.desktop.page.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.service.SendRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {
    private TestConsole tc;

    @BeforeEach
    void start() {
        tc = new TestConsole();
    }

    @AfterEach
    void stop() {
        tc.close();
    }

    @Test
    void showsPhonesTodaysMessagesQueueAndThirtyDays() {
        tc.services().devices().register(TestConsole.ADMIN, "Phone", null, List.of(), "1.0");
        tc.clock.advance(Duration.ofDays(-3));
        tc.services().messages().send(tc.principal(), SendRequest.text("old", List.of("+14155552671")));
        tc.clock.advance(Duration.ofDays(3));
        tc.services().messages().send(tc.principal(), SendRequest.text("a", List.of("+14155552671")));
        OutgoingMessage b = tc.services().messages().send(tc.principal(), SendRequest.text("b",
                List.of("+14155552671")));
        tc.services().messages().cancel(tc.principal(), b.id());

        DashboardViewModel d = new DashboardViewModel(tc.console());
        d.start();

        assertThat(d.phonesProperty().get()).isEqualTo("1 / 1");
        assertThat(d.queueDepthProperty().get()).isEqualTo(3);
        assertThat(d.failedLastHourProperty().get()).isZero();
        assertThat(d.days()).hasSize(DashboardViewModel.DAYS);
        assertThat(d.days().get(DashboardViewModel.DAYS - 1).total()).isEqualTo(2);
        assertThat(d.days().get(DashboardViewModel.DAYS - 4).total()).isEqualTo(1);
        assertThat(d.todayDetailProperty().get()).isIn("1 pending \u00b7 1 cancelling", "2 pending");
        d.stop();
        assertThat(tc.tasks.repeatingCount()).isZero();
    }
}

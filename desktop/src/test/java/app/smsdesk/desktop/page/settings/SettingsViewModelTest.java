package app.smsdesk.desktop.page.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private TestConsole tc;
    private SettingsViewModel settings;

    @BeforeEach
    void start() {
        tc = new TestConsole();
        settings = new SettingsViewModel(tc.console());
        settings.load();
    }

    @AfterEach
    void stop() {
        tc.close();
    }

    @Test
    void editingMarksUnsavedAndSavingStoresTheDocumentForThePhones() {
        assertThat(settings.dirtyProperty().get()).isFalse();
        settings.value("ping.interval_seconds").set("30");
        settings.value("messages.limit_period").set("PerHour");
        settings.value("messages.limit_value").set("100");
        settings.value("webhooks.internet_required").set("false");
        assertThat(settings.dirtyProperty().get()).isTrue();

        settings.save();

        ObjectNode stored = tc.services().settings().get(tc.principal());
        assertThat(stored.path("ping").path("interval_seconds").intValue()).isEqualTo(30);
        assertThat(stored.path("messages").path("limit_period").textValue()).isEqualTo("PerHour");
        assertThat(stored.path("webhooks").path("internet_required").booleanValue()).isFalse();
        assertThat(stored.path("messages").path("send_interval_min").isNull()).isTrue();
        assertThat(settings.dirtyProperty().get()).isFalse();
        assertThat(tc.dialogs.errors).isEmpty();
    }

    @Test
    void invalidValuesAreMarkedAndBlockSaving() {
        settings.value("ping.interval_seconds").set("0");
        settings.value("messages.work_hours_start").set("25:00");
        settings.value("messages.send_interval_min").set("10");
        settings.value("messages.send_interval_max").set("5");

        assertThat(settings.validProperty().get()).isFalse();
        assertThat(settings.error("ping.interval_seconds").get()).contains("at least 1");
        assertThat(settings.error("messages.work_hours_start").get()).contains("24-hour");
        assertThat(settings.error("messages.send_interval_max").get()).contains("minimum");

        settings.save();
        assertThat(tc.dialogs.infos).singleElement().asString().startsWith("Some values need fixing");
        assertThat(tc.services().settings().get(tc.principal()).isEmpty()).isTrue();
    }

    @Test
    void discardRestoresTheSavedValues() {
        settings.value("logs.lifetime_days").set("7");
        settings.save();
        settings.value("logs.lifetime_days").set("99");
        settings.jwtEnabledProperty().set(false);

        settings.discard();

        assertThat(settings.value("logs.lifetime_days").get()).isEqualTo("7");
        assertThat(settings.jwtEnabledProperty().get()).isTrue();
        assertThat(settings.dirtyProperty().get()).isFalse();
    }

    @Test
    void gatewayOptionsAreValidatedAndSaved() {
        assertThat(settings.maxTtlDaysProperty().get()).isEqualTo("30");
        assertThat(settings.defaultTtlHoursProperty().get()).isEqualTo("1");

        settings.regionProperty().set("Germany");
        assertThat(settings.gatewayProblemProperty().get()).contains("two-letter");
        settings.regionProperty().set("de");
        settings.maxTtlDaysProperty().set("30");
        settings.retentionDaysProperty().set("90");
        settings.save();

        var o = tc.services().gatewaySettings().get();
        assertThat(o.maxTokenTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(o.defaultRegion()).isEqualTo("DE");
        assertThat(o.messageRetentionDays()).isEqualTo(90);
    }

    @Test
    void phoneApprovalAndTheEventLogsRetentionAreSettings() {
        assertThat(settings.phoneApprovalProperty().get()).as("the test console switches it off").isFalse();
        assertThat(settings.logRetentionDaysProperty().get()).isEqualTo("90");
        settings.phoneApprovalProperty().set(true);
        assertThat(settings.dirtyProperty().get()).isTrue();
        settings.logRetentionEntriesProperty().set("500");
        assertThat(settings.gatewayProblemProperty().get()).contains("logRetentionEntries");
        settings.logRetentionEntriesProperty().set("5000");
        settings.logRetentionDaysProperty().set("30");
        settings.save();

        var o = tc.services().gatewaySettings().get();
        assertThat(o.phoneApproval()).isTrue();
        assertThat(o.logRetentionDays()).isEqualTo(30);
        assertThat(o.logRetentionEntries()).isEqualTo(5000);
        assertThat(settings.dirtyProperty().get()).isFalse();
    }

    @Test
    void keepRunningInBackgroundIsAConsolePreferenceSavedAtOnce() {
        assertThat(settings.keepRunningProperty().get()).isFalse();
        assertThat(settings.traySupportedProperty().get()).isTrue();
        assertThat(settings.keepRunningHintProperty().get()).isEqualTo(SettingsViewModel.HINT_TRAY);

        settings.keepRunningProperty().set(true);

        assertThat(tc.preferences.keepRunningInBackground()).isTrue();
        assertThat(settings.dirtyProperty().get()).isFalse();
        assertThat(new SettingsViewModel(tc.console()).keepRunningProperty().get()).isTrue();
    }

    @Test
    void withoutASystemTrayTheSettingSaysClosingStopsTheGateway() {
        tc.tray.supported(false);
        SettingsViewModel noTray = new SettingsViewModel(tc.console());
        noTray.load();

        assertThat(noTray.traySupportedProperty().get()).isFalse();
        assertThat(noTray.keepRunningHintProperty().get()).isEqualTo(SettingsViewModel.HINT_NO_TRAY)
                .contains("stops the gateway");
    }

    @Test
    void showsBothPorts() {
        assertThat(settings.portText()).isEqualTo("HTTP " + tc.gateway().port() + ", HTTPS "
                + tc.gateway().httpsPort() + ", on 127.0.0.1");
    }
}

package app.smsdesk.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneTimeAndVersionTest {
    static final Instant FALLBACK = Instant.parse("2030-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "2026-07-14T15:00:01.120+07:00, 2026-07-14T08:00:01.120Z",
            "2026-07-14T15:00:01+07:00, 2026-07-14T08:00:01Z",
            "2026-07-14T08:00:01.120Z, 2026-07-14T08:00:01.120Z",
            "2026-07-14T03:00:01.120+-5:00, 2026-07-14T08:00:01.120Z", // Android < 7 writes +-5:00
            "2026-07-14T03:00:01.120-5:00, 2026-07-14T08:00:01.120Z",
            "yesterday, 2030-01-01T00:00:00Z",
            "'', 2030-01-01T00:00:00Z"})
    void phoneTimestampsAreReadLeniently(String value, String expected) {
        assertThat(PhoneTime.parse(value, FALLBACK)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void theAppVersionComesFromTheUserAgent() {
        assertThat(AppVersion.fromUserAgent("me.capcom.smsgateway/1.40.2")).isEqualTo(new AppVersion(1, 40, 2));
        assertThat(AppVersion.fromUserAgent("okhttp/4.10.0")).isEqualTo(AppVersion.NEWEST_KNOWN);
        assertThat(AppVersion.fromUserAgent(null)).isEqualTo(AppVersion.NEWEST_KNOWN);
        assertThat(AppVersion.versionString("me.capcom.smsgateway/1.68.0 (Android)")).isEqualTo("1.68.0");
        assertThat(AppVersion.parse("garbage")).isEqualTo(AppVersion.NEWEST_KNOWN);
    }

    @ParameterizedTest
    @CsvSource({
            "1.18.0, sms:delivered, false",
            "1.19.0, sms:delivered, true",
            "1.46.9, mms:received, false",
            "1.47.0, mms:received, true",
            "1.66.0, sms:cancelled, false",
            "1.68.0, sms:cancelled, true",
            "1.68.0, sms:batch:received, false", // no app version is known to understand it
            "1.0.0, sms:received, true"})
    void webhookEventsAreGatedByVersion(String version, String event, boolean known) {
        assertThat(AppVersion.parse(version).knowsWebhookEvent(event)).isEqualTo(known);
    }

    @Test
    void cancelNeeds1Dot67() {
        assertThat(AppVersion.parse("1.66.9").knowsCancel()).isFalse();
        assertThat(AppVersion.parse("1.67.0").knowsCancel()).isTrue();
    }
}

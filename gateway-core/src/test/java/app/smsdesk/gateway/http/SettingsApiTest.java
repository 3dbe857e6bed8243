package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.http.ApiAsserts.assertError;
import static app.smsdesk.gateway.http.ApiAsserts.assertJson;
import static app.smsdesk.gateway.http.ApiAsserts.newAccount;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.http.ApiAsserts.Account;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GET/PATCH/PUT /settings}: the per-account phone settings document (contract §3.7). */
class SettingsApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();
    /** The account the table of invalid documents is tried on. */
    static Account rejecting;

    @BeforeAll
    static void start() {
        rejecting = newAccount(gw);
        patch(rejecting, "{'ping':{'interval_seconds':60}}");
    }

    /** JSON written with single quotes, for readability. */
    private static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static JsonNode tree(String singleQuoted) {
        try {
            return MAPPER.readTree(j(singleQuoted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResult patch(Account a, String body) {
        return gw.call("PATCH", "/settings", a.basic(), j(body));
    }

    private static HttpResult put(Account a, String body) {
        return gw.call("PUT", "/settings", a.basic(), j(body));
    }

    @Test
    void anAccountThatNeverSavedSettingsGetsAnEmptyObject() {
        HttpResult r = gw.get("/settings", newAccount(gw).basic());
        assertJson(r, 200);
        assertThat(r.body()).isEqualTo("{}");
    }

    @Test
    void patchMergesSectionsAndKeys() {
        Account a = newAccount(gw);
        assertJson(patch(a, "{'messages':{'send_interval_min':5,'limit_period':'PerHour'}}"), 200);

        JsonNode merged = assertJson(patch(a, "{'messages':{'limit_value':10,'limit_period':'PerDay'},"
                + "'ping':{'interval_seconds':60}}"), 200);

        JsonNode expected = tree("{'messages':{'send_interval_min':5,'limit_period':'PerDay','limit_value':10},"
                + "'ping':{'interval_seconds':60}}");
        assertThat(merged).isEqualTo(expected);
        assertThat(gw.get("/settings", a.basic()).json()).isEqualTo(expected);
    }

    @Test
    void nullValuesAreKeptAndANullSectionIsIgnored() {
        Account a = newAccount(gw);
        patch(a, "{'messages':{'limit_value':10,'send_interval_min':3},'logs':{'lifetime_days':7}}");

        JsonNode r = assertJson(patch(a, "{'messages':{'limit_value':null},'logs':null}"), 200);

        assertThat(r).isEqualTo(tree("{'messages':{'limit_value':null,'send_interval_min':3},"
                + "'logs':{'lifetime_days':7}}"));
        assertThat(r.get("messages").has("limit_value")).isTrue();
        assertThat(gw.get("/settings", a.basic()).json()).isEqualTo(r);
    }

    @Test
    void putReplacesTheWholeDocument() {
        Account a = newAccount(gw);
        patch(a, "{'messages':{'send_interval_min':5},'ping':{'interval_seconds':60}}");

        JsonNode r = assertJson(put(a, "{'logs':{'lifetime_days':7},'receiver':{'content_provider_enabled':true}}"),
                200);

        JsonNode expected = tree("{'logs':{'lifetime_days':7},'receiver':{'content_provider_enabled':true}}");
        assertThat(r).isEqualTo(expected);
        assertThat(gw.get("/settings", a.basic()).json()).isEqualTo(expected);
        assertThat(assertJson(put(a, "{}"), 200)).isEmpty();
        assertThat(gw.get("/settings", a.basic()).body()).isEqualTo("{}");
    }

    @Test
    void unknownSectionsAndFieldsAreDropped() {
        Account a = newAccount(gw);
        JsonNode r = assertJson(put(a, "{'messages':{'send_interval_min':2,'sendIntervalMax':9,'bogus':true},"
                + "'limitPeriod':'PerDay','unknown':{'x':1},'webhooks':{'retry_count':3,'extra':[1]}}"), 200);

        JsonNode expected = tree("{'messages':{'send_interval_min':2},'webhooks':{'retry_count':3}}");
        assertThat(r).isEqualTo(expected);
        assertThat(gw.get("/settings", a.basic()).json()).isEqualTo(expected);
    }

    @Test
    void everyKnownFieldRoundTrips() {
        Account a = newAccount(gw);
        String all = "{'messages':{'send_interval_min':1,'send_interval_max':10,'limit_period':'Per30Minutes',"
                + "'limit_value':100,'sim_selection_mode':'RoundRobin','log_lifetime_days':30,"
                + "'work_hours_enabled':true,'work_hours_start':'08:00','work_hours_end':'23:59'},"
                + "'ping':{'interval_seconds':900},'logs':{'lifetime_days':14},"
                + "'webhooks':{'internet_required':false,'retry_count':15},"
                + "'gateway':{'notification_channel':'SSE_ONLY'},'receiver':{'content_provider_enabled':false}}";
        assertThat(assertJson(put(a, all), 200)).isEqualTo(tree(all));
        assertThat(gw.get("/settings", a.basic()).json()).isEqualTo(tree(all));
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("{'messages':5}", "messages"),
                Arguments.of("{'messages':[1]}", "messages"),
                Arguments.of("{'messages':{'send_interval_min':'5'}}", "messages.send_interval_min"),
                Arguments.of("{'messages':{'send_interval_min':1.5}}", "messages.send_interval_min"),
                Arguments.of("{'messages':{'limit_value':0}}", "messages.limit_value"),
                Arguments.of("{'messages':{'log_lifetime_days':-1}}", "messages.log_lifetime_days"),
                Arguments.of("{'messages':{'send_interval_min':10,'send_interval_max':5}}",
                        "messages.send_interval_max"),
                Arguments.of("{'messages':{'limit_period':'Weekly'}}", "messages.limit_period"),
                Arguments.of("{'messages':{'limit_period':'perday'}}", "messages.limit_period"),
                Arguments.of("{'messages':{'sim_selection_mode':1}}", "messages.sim_selection_mode"),
                Arguments.of("{'messages':{'work_hours_enabled':'true'}}", "messages.work_hours_enabled"),
                Arguments.of("{'messages':{'work_hours_start':'25:00'}}", "messages.work_hours_start"),
                Arguments.of("{'messages':{'processing_order':'RANDOM'}}", "messages.processing_order"),
                Arguments.of("{'ping':{'interval_seconds':0}}", "ping.interval_seconds"),
                Arguments.of("{'logs':{'lifetime_days':'7'}}", "logs.lifetime_days"),
                Arguments.of("{'webhooks':{'retry_count':0}}", "webhooks.retry_count"),
                Arguments.of("{'webhooks':{'internet_required':1}}", "webhooks.internet_required"),
                Arguments.of("{'webhooks':{'signing_key':'s3cret'}}", "webhooks.signing_key"),
                Arguments.of("{'encryption':{'passphrase':'hunter2'}}", "encryption.passphrase"),
                Arguments.of("{'gateway':{'private_token':'t'}}", "gateway.private_token"),
                Arguments.of("{'gateway':{'cloud_url':'https://api.sms-gate.app/mobile/v1'}}", "gateway.cloud_url"),
                Arguments.of("{'gateway':{'notification_channel':'FCM'}}", "gateway.notification_channel"),
                Arguments.of("{'receiver':{'content_provider_enabled':'no'}}", "receiver.content_provider_enabled"),
                Arguments.of("[]", "object"),
                Arguments.of("5", "object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void anInvalidDocumentIs400AndChangesNothing(String body, String field) {
        Account a = rejecting;
        JsonNode before = gw.get("/settings", a.basic()).json();

        assertError(patch(a, body), 400, "Invalid settings format: ", field);
        assertError(put(a, body), 400, "Invalid settings format: ", field);

        assertThat(gw.get("/settings", a.basic()).json()).isEqualTo(before);
    }

    @Test
    void aPatchThatLeavesMaxBelowTheStoredMinIs400() {
        Account a = newAccount(gw);
        patch(a, "{'messages':{'send_interval_min':10}}");

        assertError(patch(a, "{'messages':{'send_interval_max':5}}"), 400, "Invalid settings format: ",
                "send_interval_max");
        assertThat(gw.get("/settings", a.basic()).json()).isEqualTo(tree("{'messages':{'send_interval_min':10}}"));
        assertJson(patch(a, "{'messages':{'send_interval_max':10}}"), 200);
    }

    @Test
    void secretFieldsAreAcceptedEmptyButNeverReturned() {
        Account a = newAccount(gw);
        HttpResult r = put(a, "{'encryption':{'passphrase':''},'webhooks':{'signing_key':null,'retry_count':3},"
                + "'gateway':{'private_token':'','cloud_url':'','notification_channel':'AUTO'}}");

        JsonNode expected = tree("{'encryption':{},'webhooks':{'retry_count':3},"
                + "'gateway':{'notification_channel':'AUTO'}}");
        assertThat(assertJson(r, 200)).isEqualTo(expected);
        HttpResult read = gw.get("/settings", a.basic());
        assertThat(read.json()).isEqualTo(expected);
        for (String secret : new String[] {"passphrase", "signing_key", "private_token", "cloud_url"}) {
            assertThat(r.body()).doesNotContain(secret);
            assertThat(read.body()).doesNotContain(secret);
        }
        JsonNode patched = assertJson(patch(a, "{'encryption':{'passphrase':null}}"), 200);
        assertThat(patched.get("encryption")).isEmpty();
    }

    @Test
    void accountsHaveSeparateDocuments() {
        Account one = newAccount(gw);
        Account two = newAccount(gw);
        patch(one, "{'ping':{'interval_seconds':30}}");
        assertThat(gw.get("/settings", two.basic()).body()).isEqualTo("{}");
    }
}

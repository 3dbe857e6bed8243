package app.smsdesk.gateway.http;

import static app.smsdesk.gateway.http.ApiAsserts.assertError;
import static app.smsdesk.gateway.http.ApiAsserts.assertJson;
import static app.smsdesk.gateway.http.ApiAsserts.newAccount;
import static app.smsdesk.gateway.http.ApiAsserts.q;
import static app.smsdesk.gateway.http.ApiAsserts.texts;
import static app.smsdesk.gateway.http.ApiAsserts.totalCount;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.http.ApiAsserts.Account;
import app.smsdesk.gateway.service.SendRequest;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /messages}: paging, filters, sorting, content and account isolation. */
class MessageListTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();
    /** 55 messages, one second apart, oldest first; the first is cancelled. */
    static Account many;
    static List<OutgoingMessage> sent;

    @BeforeAll
    static void start() {
        many = newAccount(gw);
        sent = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            sent.add(send(many, "message " + i));
            gw.clock().advance(Duration.ofSeconds(1));
        }
        gw.services().messages().cancel(many.principal(), sent.get(0).id());
    }

    private static OutgoingMessage send(Account a, String text) {
        return gw.services().messages().send(a.principal(), SendRequest.text(text, List.of("+14155552671")));
    }

    private static List<String> ids(List<OutgoingMessage> messages) {
        return messages.stream().map(OutgoingMessage::id).toList();
    }

    private static List<String> newestFirst(int from, int to) {
        List<String> out = new ArrayList<>(ids(sent.subList(from, to)));
        Collections.reverse(out);
        return out;
    }

    @Test
    void theDefaultPageHas50NewestFirstAndTheTotalCountsAll() {
        HttpResult r = gw.get("/messages", many.basic());
        JsonNode page = assertJson(r, 200);
        assertThat(totalCount(r)).isEqualTo(55);
        assertThat(texts(page, "id")).containsExactlyElementsOf(newestFirst(5, 55));
        page.forEach(m -> assertThat(m.has("recipients") && m.has("states")).isTrue());
    }

    @Test
    void limitAndOffsetPage() {
        HttpResult r = gw.get("/messages?limit=10&offset=50", many.basic());
        assertThat(texts(assertJson(r, 200), "id")).containsExactlyElementsOf(newestFirst(0, 5));
        assertThat(totalCount(r)).isEqualTo(55);
        assertThat(assertJson(gw.get("/messages?limit=100", many.basic()), 200)).hasSize(55);
        assertThat(assertJson(gw.get("/messages?limit=1", many.basic()), 200)).hasSize(1);
        HttpResult beyond = gw.get("/messages?offset=1000", many.basic());
        assertThat(assertJson(beyond, 200)).isEmpty();
        assertThat(totalCount(beyond)).isEqualTo(55);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=-1", "limit=ten", "offset=-1", "offset=x"})
    void anOutOfRangePageIs400(String query) {
        assertError(gw.get("/messages?" + query, many.basic()), 400, query.substring(0, query.indexOf('=')));
    }

    @Test
    void sortOrdersByCreationTime() {
        assertThat(texts(gw.get("/messages?sort=created_at&limit=3", many.basic()).json(), "id"))
                .containsExactlyElementsOf(ids(sent.subList(0, 3)));
        assertThat(texts(gw.get("/messages?sort=-created_at&limit=3", many.basic()).json(), "id"))
                .containsExactlyElementsOf(newestFirst(52, 55));
        assertError(gw.get("/messages?sort=createdAt", many.basic()), 400, "sort");
        assertError(gw.get("/messages?sort=" + q("created_at desc"), many.basic()), 400, "sort");
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() {
        Instant t10 = sent.get(10).createdAt();
        Instant t13 = sent.get(13).createdAt();

        HttpResult window = gw.get("/messages?from=" + q(t10) + "&to=" + q(t13), many.basic());
        assertThat(texts(assertJson(window, 200), "id")).containsExactlyElementsOf(newestFirst(10, 13));
        assertThat(totalCount(window)).isEqualTo(3);

        HttpResult from = gw.get("/messages?from=" + q(sent.get(53).createdAt()), many.basic());
        assertThat(texts(from.json(), "id")).containsExactlyElementsOf(newestFirst(53, 55));
        HttpResult to = gw.get("/messages?to=" + q(sent.get(2).createdAt()), many.basic());
        assertThat(texts(to.json(), "id")).containsExactlyElementsOf(newestFirst(0, 2));

        HttpResult reversed = gw.get("/messages?from=" + q(t13) + "&to=" + q(t10), many.basic());
        assertThat(assertJson(reversed, 200)).isEmpty();
    }

    @Test
    void fromAndToAcceptAnOffsetButNeedAZone() {
        String offset = q(sent.get(53).createdAt().atOffset(ZoneOffset.ofHours(2)).toString());
        assertThat(assertJson(gw.get("/messages?from=" + offset, many.basic()), 200)).hasSize(2);
        assertError(gw.get("/messages?from=2026-01-01T00:00:00", many.basic()), 400, "from");
        assertError(gw.get("/messages?to=yesterday", many.basic()), 400, "to");
        assertError(gw.get("/messages?from=" + q("+999999999-12-31T23:59:59Z"), many.basic()), 400, "from");
        assertError(gw.get("/messages?to=-999999999-01-01T00:00:00Z", many.basic()), 400, "to");
    }

    @Test
    void stateFiltersAndAnUnknownStateIs400() {
        HttpResult cancelling = gw.get("/messages?state=Cancelling", many.basic());
        assertThat(texts(assertJson(cancelling, 200), "id")).containsExactly(sent.get(0).id());
        assertThat(totalCount(cancelling)).isEqualTo(1);
        assertThat(totalCount(gw.get("/messages?state=Pending", many.basic()))).isEqualTo(54);
        assertThat(totalCount(gw.get("/messages?state=Delivered", many.basic()))).isZero();
        assertError(gw.get("/messages?state=Queued", many.basic()), 400, "state");
    }

    @Test
    void deviceIdMustHave21CharactersAndFiltersByPhone() {
        Account a = newAccount(gw);
        send(a, "before any phone");
        Device phone = gw.services().devices().register(a.login(), "Phone", null, List.of(), null).device();
        OutgoingMessage onPhone = send(a, "on the phone");

        HttpResult r = gw.get("/messages?deviceId=" + phone.id(), a.basic());
        assertThat(texts(assertJson(r, 200), "id")).containsExactly(onPhone.id());
        assertThat(totalCount(r)).isEqualTo(1);
        assertThat(assertJson(gw.get("/messages?deviceId=" + "A".repeat(21), a.basic()), 200)).isEmpty();
        assertError(gw.get("/messages?deviceId=" + "A".repeat(20), a.basic()), 400, "deviceId");
        assertError(gw.get("/messages?deviceId=" + "A".repeat(22), a.basic()), 400, "deviceId");
        // Another account's phone id filters to nothing rather than leaking its messages.
        assertThat(assertJson(gw.get("/messages?deviceId=" + phone.id(), many.basic()), 200)).isEmpty();
    }

    @Test
    void contentIsIncludedOnlyOnRequest() {
        JsonNode plain = gw.get("/messages?limit=1", many.basic()).json().get(0);
        assertThat(plain.has("textMessage")).isFalse();
        assertThat(plain.has("dataMessage")).isFalse();
        assertThat(plain.has("hashedMessage")).isFalse();
        JsonNode explicitFalse = gw.get("/messages?limit=1&includeContent=false", many.basic()).json().get(0);
        assertThat(explicitFalse.has("textMessage")).isFalse();

        JsonNode full = gw.get("/messages?limit=1&includeContent=true", many.basic()).json().get(0);
        assertThat(full.get("textMessage").get("text").asText()).isEqualTo("message 54");
    }

    @Test
    void eachAccountSeesOnlyItsOwnMessages() {
        Account other = newAccount(gw);
        OutgoingMessage own = send(other, "mine");

        HttpResult r = gw.get("/messages", other.basic());
        assertThat(texts(assertJson(r, 200), "id")).containsExactly(own.id());
        assertThat(totalCount(r)).isEqualTo(1);
        assertThat(texts(gw.get("/messages?limit=100", many.basic()).json(), "id")).doesNotContain(own.id());
    }

    @Test
    void anAccountWithoutMessagesGetsAnEmptyArray() {
        Account empty = newAccount(gw);
        HttpResult r = gw.get("/messages", empty.basic());
        assertThat(r.body()).isEqualTo("[]");
        assertThat(totalCount(r)).isZero();
    }
}

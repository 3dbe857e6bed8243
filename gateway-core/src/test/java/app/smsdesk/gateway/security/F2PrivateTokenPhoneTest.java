package app.smsdesk.gateway.security;

import static app.smsdesk.gateway.testing.TestGateway.adminBasic;
import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.DeviceEvent;
import app.smsdesk.gateway.service.DeviceService;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * F2: the private token made any phone a member of the admin's account, with its messages, its signing key and
 * the integrators' webhook URLs. The audit's second proposal is taken (the first, an account per phone as the
 * reference does, would leave a small business with phones in accounts it never sees): a phone registered with the
 * private token is pending until approved on the console's Phones screen, and gets nothing until then; a login or
 * the pairing screen's one-time code approve at once; the admin may switch approval off; the token can be rotated
 * (console and command line, see GatewayMainTest); an account has a bounded number of waiting phones.
 */
class F2PrivateTokenPhoneTest {
    private static final String HOOK = "https://crm.example/hook?apikey=SECRET123";

    private static PhoneSimulator phone(TestGateway gw, PhoneSimulator.Mode mode) {
        PhoneSimulator p = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(), mode).withClock(gw.clock()));
        p.register();
        return p;
    }

    private static String get(PhoneSimulator p, String path) {
        var r = p.send("GET", path, p.bearer(), null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static String send(TestGateway gw, String extra) {
        HttpResult r = gw.post("/messages", adminBasic(), "{\"phoneNumbers\":[\"+79990001234\"],\"textMessage\":"
                + "{\"text\":\"Your code is 1234\"}" + extra + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().path("id").asText();
    }

    private static boolean approved(TestGateway gw, PhoneSimulator p) {
        return gw.services().devices().find(gw.admin(), p.registration().id()).orElseThrow().approved();
    }

    @Test
    void privateTokenPhoneIsolatedFromPrimaryAccount() {
        try (TestGateway gw = TestGateway.start().requirePhoneApproval()) {
            assertThat(gw.post("/webhooks", adminBasic(), TestGateway.json(Map.of("url", HOOK,
                    "event", "sms:received"))).status()).isEqualTo(201);
            String queuedBeforeAnyPhone = send(gw, "");
            PhoneSimulator rogue = phone(gw, new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN));
            assertThat(approved(gw, rogue)).isFalse();

            assertThat(get(rogue, "/message")).as("not even the unassigned message").isEqualTo("[]");
            assertThat(get(rogue, "/webhooks")).isEqualTo("[]").doesNotContain("SECRET123");
            assertThat(get(rogue, "/settings")).isEqualTo("{}").doesNotContain("signing_key");
            var patch = rogue.send("PATCH", "/message", rogue.bearer(), "[{\"id\":\"" + queuedBeforeAnyPhone
                    + "\",\"state\":\"Failed\",\"recipients\":[{\"phoneNumber\":\"+79990001234\",\"state\":"
                    + "\"Failed\",\"error\":\"rogue\"}]}]");
            assertThat(patch.statusCode()).isBetween(200, 299);
            assertThat(gw.get("/messages/" + queuedBeforeAnyPhone, adminBasic()).json().path("state").asText())
                    .as("a waiting phone reports on nothing").isEqualTo("Pending");

            PhoneSimulator shop = phone(gw, new PhoneSimulator.SignIn(TestGateway.ADMIN, TestGateway.PASSWORD));
            assertThat(approved(gw, shop)).as("a login is the admin's consent").isTrue();
            Set<String> chosen = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                chosen.add(gw.get("/messages/" + send(gw, ""), adminBasic()).json().path("deviceId").asText());
            }
            assertThat(chosen).as("40 sends without deviceId (the audit: 38 went to rogue phones)")
                    .containsOnly(shop.registration().id());
            HttpResult toRogue = gw.post("/messages", adminBasic(), "{\"phoneNumbers\":[\"+79990001234\"],"
                    + "\"textMessage\":{\"text\":\"x\"},\"deviceId\":\"" + rogue.registration().id() + "\"}");
            assertThat(toRogue.status()).isEqualTo(400);
            assertThat(toRogue.json().path("message").asText()).contains("deviceId", "waiting for approval");
            assertThat(get(shop, "/message")).contains(queuedBeforeAnyPhone);
            assertThat(get(rogue, "/message")).isEqualTo("[]");
            rogue.close();
            shop.close();
        }
    }

    @Test
    void oneClickApprovalLetsThePhoneInAtOnce() {
        try (TestGateway gw = TestGateway.start().requirePhoneApproval()) {
            PhoneSimulator p = phone(gw, new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN));
            String waiting = send(gw, "");
            p.openEvents();
            p.awaitStreamAttempt(Duration.ofSeconds(10));
            assertThat(gw.services().devices().approve(gw.admin(), p.registration().id())).isTrue();
            p.awaitEvent(DeviceEvent.SETTINGS_UPDATED, Duration.ofSeconds(10));
            assertThat(approved(gw, p)).isTrue();
            assertThat(get(p, "/settings")).contains("signing_key");
            assertThat(get(p, "/webhooks")).contains("sms:received");
            assertThat(get(p, "/message")).contains(waiting);
            assertThat(gw.services().devices().approve(gw.admin(), p.registration().id()))
                    .as("approving twice is no error").isFalse();
            assertThat(gw.get("/logs", adminBasic()).body()).contains("waiting for approval", "phone approved");
            p.close();
        }
    }

    @Test
    void theConsolesOneTimeCodeApprovesAtOnceAndApprovalCanBeSwitchedOff() {
        try (TestGateway gw = TestGateway.start().requirePhoneApproval()) {
            String code = gw.services().pairing().oneTimeCode(gw.admin()).code();
            PhoneSimulator byCode = phone(gw, new PhoneSimulator.ByCode(code));
            assertThat(approved(gw, byCode)).isTrue();
            assertThat(new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(), new PhoneSimulator.ByCode(code)))
                    .tryRegister(new PhoneSimulator.ByCode(code))).as("single use").isEqualTo(401);

            var settings = gw.services().gatewaySettings();
            settings.update(settings.get().withPhoneApproval(false), "test");
            PhoneSimulator trusted = phone(gw, new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN));
            assertThat(approved(gw, trusted)).as("the admin switched approval off").isTrue();
            byCode.close();
            trusted.close();
        }
    }

    @Test
    void waitingPhonesAreBoundedAndThePrivateTokenRotates() {
        try (TestGateway gw = TestGateway.start().requirePhoneApproval()) {
            List<PhoneSimulator> waiting = new ArrayList<>();
            for (int i = 0; i < DeviceService.MAX_WAITING; i++) {
                waiting.add(phone(gw, new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)));
            }
            PhoneSimulator more = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                    new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)));
            assertThat(more.tryRegister(new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN))).isEqualTo(403);

            String fresh = gw.services().privateTokens().rotate(gw.admin());
            assertThat(fresh).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(TestGateway.PRIVATE_TOKEN);
            assertThat(gw.gateway().privateToken()).isEqualTo(fresh);
            assertThat(gw.services().pairing().info().privateToken()).isEqualTo(fresh);
            gw.services().devices().delete(gw.admin(), waiting.get(0).registration().id());
            assertThat(more.tryRegister(new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)))
                    .as("the old token").isEqualTo(401);
            assertThat(more.tryRegister(new PhoneSimulator.SignUp(fresh))).as("the new one").isEqualTo(201);
            assertThat(waiting.get(1).send("GET", "/message", waiting.get(1).bearer(), null).statusCode())
                    .as("registered phones keep their device tokens").isEqualTo(200);
            waiting.forEach(PhoneSimulator::close);
            more.close();
        }
    }
}

package app.smsdesk.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.TestGateway;
import app.smsdesk.gateway.testing.phone.PhoneSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIM card list a phone sends is checked before it is stored. The fuzzer found that {@code "simCards":[null]}
 * was stored as is, after which every read of that phone failed: the device list, the phone's own requests and
 * sending to it all answered 500 until the row was removed by hand.
 */
class SimCardValidationTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    private static int register(String simCards) {
        return gw.call("POST", gw.mobileApi() + "/device", TestGateway.bearer(TestGateway.PRIVATE_TOKEN),
                "{\"name\":\"x/y\",\"simCards\":" + simCards + "}").status();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[null]", "[{\"slotIndex\":0},null]", "[{},{},{},{},{},{},{},{},{}]",
        "[{\"phoneNumber\":\"12345678901234567890123456789012345678901234567890123456789012345\"}]",
        "[{\"iccid\":\"88888888888888888888888888888888888888888888888888888888888888888\"}]"})
    void aListThePhoneAppCannotSendIsRefusedAndNothingIsStored(String simCards) {
        int before = gw.get("/devices", TestGateway.adminBasic()).json().size();
        assertThat(register(simCards)).isEqualTo(400);
        assertThat(gw.get("/devices", TestGateway.adminBasic()).json()).hasSize(before);
    }

    @Test
    void aPhoneCannotPoisonItsRowByUpdateEither() {
        PhoneSimulator phone = new PhoneSimulator(PhoneSimulator.Config.of(gw.mobileApi(),
                new PhoneSimulator.SignUp(TestGateway.PRIVATE_TOKEN)));
        phone.register();
        assertThat(phone.send("PATCH", "/device", phone.bearer(), "{\"id\":\"" + phone.registration().id()
                + "\",\"simCards\":[null]}").statusCode()).isEqualTo(400);
        assertThat(phone.send("GET", "/message", phone.bearer(), null).statusCode()).isEqualTo(200);
        assertThat(gw.get("/devices", TestGateway.adminBasic()).status()).isEqualTo(200);
        assertThat(register("[{\"slotIndex\":0,\"simNumber\":1,\"phoneNumber\":\"*******1234\"},"
                + "{\"slotIndex\":1,\"simNumber\":2}]")).isEqualTo(201);
        phone.close();
    }
}

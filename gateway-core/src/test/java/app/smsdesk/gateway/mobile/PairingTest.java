package app.smsdesk.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.testing.DownloadedCa;
import app.smsdesk.gateway.testing.HttpResult;
import app.smsdesk.gateway.testing.TestGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PairingTest {
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void pairingInfoNamesWhatToTypeAndWhereTheCaIs() {
        PairingService.PairingInfo info = gw.services().pairing().info();
        assertThat(info.privateToken()).isEqualTo(TestGateway.PRIVATE_TOKEN);
        assertThat(info.mobileApiUrls()).isNotEmpty().allSatisfy(u -> assertThat(u)
                .matches("https://[0-9.]+:" + gw.gateway().httpsPort() + "/api/mobile/v1"));
        assertThat(info.caDownloadUrls()).isNotEmpty().allSatisfy(u -> assertThat(u)
                .matches("http://[0-9.]+:" + gw.gateway().caPort() + "/ca.crt"));
        assertThat(gw.gateway().caPort()).as("a port of its own, serving nothing but the CA")
                .isNotEqualTo(gw.gateway().port());
        assertThat(info.caFingerprint()).isEqualTo(gw.gateway().certificates().caFingerprint());
        assertThat(info.usbMobileApiUrl()).isEqualTo(gw.mobileApi());
    }

    @Test
    void theCaIsAlsoServedAsPemAndNotUnderTheApis() {
        HttpResult pem = gw.get(gw.baseUrl() + "/ca.pem", null);
        assertThat(pem.status()).isEqualTo(200);
        assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----")
                .isEqualTo(gw.services().pairing().caCertificatePem().orElseThrow() + "\n");
        assertThat(gw.get(gw.mobileApi() + "/ca.crt", null).status()).isEqualTo(404);
    }

    @Test
    void olderPhonesCanConnectWithTls12() throws Exception {
        SSLContext trust = DownloadedCa.trustingDownloadedCa(gw);
        SSLParameters tls12 = new SSLParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});
        HttpClient client = HttpClient.newBuilder().sslContext(trust).sslParameters(tls12)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(
                gw.gateway().localHttpsUrl() + "/api/mobile/v1/device")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.2");
        assertThat(r.body()).contains("externalIp");
    }
}

package app.smsdesk.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.testing.DownloadedCa;
import app.smsdesk.gateway.testing.TestGateway;
import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * F18 (TLS): only TLS 1.2/1.3 with AEAD suites; a client offering only CBC suites gets no connection. (Client-
 * initiated renegotiation is refused by a JVM-wide setting the launchers make first thing; this JVM's TLS classes
 * may have loaded before it, so it is not asserted here.)
 */
class F18TlsTest {
    @RegisterExtension
    static final TestGateway gw = TestGateway.perClass();

    private SSLSocket connect(String protocol, String suite) throws IOException {
        SSLContext trust = DownloadedCa.trustingDownloadedCa(gw);
        SSLSocket s = (SSLSocket) trust.getSocketFactory().createSocket("127.0.0.1", gw.gateway().httpsPort());
        s.setSoTimeout(10_000);
        s.setEnabledProtocols(new String[] {protocol});
        s.setEnabledCipherSuites(new String[] {suite});
        return s;
    }

    @Test
    void aeadSuitesAreOfferedAndCbcSha1IsNot() throws IOException {
        for (List<String> ok : List.of(List.of("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
                List.of("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
                List.of("TLSv1.3", "TLS_AES_128_GCM_SHA256"))) {
            try (SSLSocket s = connect(ok.get(0), ok.get(1))) {
                s.startHandshake();
                assertThat(s.getSession().getCipherSuite()).isEqualTo(ok.get(1));
            }
        }
        for (String cbc : List.of("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384")) {
            assertThatThrownBy(() -> {
                try (SSLSocket s = connect("TLSv1.2", cbc)) {
                    s.startHandshake();
                }
            }).as(cbc).isInstanceOf(SSLHandshakeException.class);
        }
    }
}

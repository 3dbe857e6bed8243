package app.smsdesk.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.store.DataDir;
import app.smsdesk.gateway.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificatesTest {
    static final LanAddresses.Names HOME = new LanAddresses.Names(Set.of("localhost", "shop-pc"),
            Set.of("127.0.0.1", "::1", "192.168.1.20"));
    static final LanAddresses.Names OFFICE = new LanAddresses.Names(Set.of("localhost", "shop-pc"),
            Set.of("127.0.0.1", "::1", "10.0.0.7"));

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock();

    @Test
    void firstStartCreatesACaAndAServerCertificateForEveryName() throws Exception {
        LocalCertificates certs = LocalCertificates.open(new DataDir(dir), clock, () -> HOME);
        X509Certificate ca = certs.caCertificate();
        X509Certificate server = certs.serverCertificate();
        assertThat(ca.getBasicConstraints()).isEqualTo(1); // the root; the issuing CA under it has 0
        assertThat(certs.chain()[1].getBasicConstraints()).isEqualTo(0);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(LocalCertificates.namesOf(server)).isEqualTo(HOME);
        assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1"); // serverAuth
        assertThat(certs.chain()[0]).isEqualTo(server);
        trustManagerFor(ca).checkServerTrusted(withRoot(certs.chain(), ca), "ECDHE_ECDSA");
        assertThat(certs.caFingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        for (String f : new String[] {LocalCertificates.ISSUER_KEY, LocalCertificates.ISSUER_CERT, LocalCertificates.CA_CERT,
                LocalCertificates.SERVER_KEY, LocalCertificates.SERVER_CERT}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f))))
                    .as(f).isEqualTo("rw-------");
        }
    }

    @Test
    void aRestartKeepsBothCertificates() {
        LocalCertificates first = LocalCertificates.open(new DataDir(dir), clock, () -> HOME);
        LocalCertificates second = LocalCertificates.open(new DataDir(dir), clock, () -> HOME);
        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.serverCertificate()).isEqualTo(first.serverCertificate());
    }

    @Test
    void newLanAddressesGetANewServerCertificateFromTheSameCa() {
        AtomicReference<LanAddresses.Names> names = new AtomicReference<>(HOME);
        LocalCertificates certs = LocalCertificates.open(new DataDir(dir), clock, names::get);
        X509Certificate before = certs.serverCertificate();
        assertThat(certs.refresh()).isFalse();
        names.set(OFFICE);
        assertThat(certs.refresh()).isTrue();
        assertThat(certs.serverCertificate()).isNotEqualTo(before);
        assertThat(LocalCertificates.namesOf(certs.serverCertificate()).ipAddresses()).contains("10.0.0.7");
        // and a restart on the new network keeps using it
        LocalCertificates again = LocalCertificates.open(new DataDir(dir), clock, names::get);
        assertThat(again.serverCertificate()).isEqualTo(certs.serverCertificate());
        assertThat(again.caCertificate()).isEqualTo(certs.caCertificate());
    }

    @Test
    void aServerCertificateNearItsEndIsRenewed() {
        LocalCertificates certs = LocalCertificates.open(new DataDir(dir), clock, () -> HOME);
        X509Certificate before = certs.serverCertificate();
        clock.advance(LocalCertificates.SERVER_VALIDITY.minus(Duration.ofDays(10)));
        assertThat(certs.refresh()).isTrue();
        assertThat(certs.serverCertificate().getNotAfter()).isAfter(before.getNotAfter());
    }

    private static X509Certificate[] withRoot(X509Certificate[] chain, X509Certificate root) {
        X509Certificate[] all = java.util.Arrays.copyOf(chain, chain.length + 1);
        all[chain.length] = root;
        return all;
    }

    private static X509TrustManager trustManagerFor(X509Certificate ca) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }
}

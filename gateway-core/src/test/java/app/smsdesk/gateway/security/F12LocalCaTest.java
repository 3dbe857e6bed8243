package app.smsdesk.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.smsdesk.gateway.store.DataDir;
import app.smsdesk.gateway.testing.MutableClock;
import app.smsdesk.gateway.tls.LanAddresses;
import app.smsdesk.gateway.tls.LocalCertificates;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F12: the local CA is name-constrained (the audit's proposal, taken as is: private IPv4/IPv6 ranges, localhost,
 * .local and the other local suffixes, and the machine's own name), lives two years instead of ten, and its key
 * stays out of backups unless asked for (see {@code F15RestoreTest} for the backup side). The proof that a leaked
 * key is useless against public sites is a chain check by the JDK's own PKIX validator, as a phone would do it.
 */
class F12LocalCaTest {
    static final LanAddresses.Names SHOP = new LanAddresses.Names(Set.of("localhost", "shop-pc"),
            Set.of("127.0.0.1", "::1", "192.168.1.20"));

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock();

    @Test
    void theCaIsNameConstrainedAndShortLived() {
        X509Certificate ca = LocalCertificates.open(new DataDir(dir), clock, () -> SHOP).caCertificate();
        assertThat(ca.getCriticalExtensionOIDs()).contains(Extension.nameConstraints.getId());
        Duration life = Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant());
        assertThat(life).isLessThanOrEqualTo(Duration.ofDays(731));
    }

    @Test
    void aLeakedSigningKeyCannotVouchForPublicNamesOrAddresses() throws Exception {
        LocalCertificates certs = LocalCertificates.open(new DataDir(dir), clock, () -> SHOP);
        X509Certificate root = certs.caCertificate();
        X509Certificate issuer = certs.chain()[1];
        PrivateKey leaked = key(dir.resolve("tls-issuer-key.pem"));
        X509TrustManager phone = trustManagerFor(root);

        phone.checkServerTrusted(new X509Certificate[] {leaf(issuer, leaked, "shop-pc", "192.168.1.20", false),
                issuer, root}, "ECDHE_ECDSA");
        phone.checkServerTrusted(new X509Certificate[] {leaf(issuer, leaked, "printer.local", "10.1.2.3", false),
                issuer, root}, "ECDHE_ECDSA");
        for (List<String> rogue : List.of(List.of("www.example.com", "192.168.1.20"),
                List.of("accounts.google.com", "10.0.0.1"), List.of("shop-pc", "8.8.8.8"),
                List.of("shop-pc.attacker.example", "192.168.1.20"))) {
            X509Certificate forged = leaf(issuer, leaked, rogue.get(0), rogue.get(1), false);
            assertThatThrownBy(() -> phone.checkServerTrusted(new X509Certificate[] {forged, issuer, root},
                    "ECDHE_ECDSA")).as("forged for %s", rogue).isInstanceOf(CertificateException.class);
        }
        // Nor can it make a CA of its own to escape the constraints (the issuing CA's path length is 0).
        X509Certificate subCa = leaf(issuer, leaked, "www.example.com", "8.8.8.8", true);
        assertThatThrownBy(() -> phone.checkServerTrusted(new X509Certificate[] {subCa, issuer, root},
                "ECDHE_ECDSA")).isInstanceOf(CertificateException.class);
    }

    @Test
    void theRootKeyIsNeverStored() throws Exception {
        LocalCertificates.open(new DataDir(dir), clock, () -> SHOP);
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            List<String> keys = files.map(f -> f.getFileName().toString()).filter(n -> n.contains("key")).sorted()
                    .toList();
            assertThat(keys).containsExactly("tls-issuer-key.pem", "tls-server-key.pem");
        }
    }

    @Test
    void publicAddressesAreLeftOutOfTheServerCertificateSoTheChainStaysValid() throws Exception {
        LocalCertificates.open(new DataDir(dir), clock, () -> SHOP);
        // Later the machine has a public address and a public name too (a name it had when the CA was made would
        // be permitted: the constraints include the machine's own names).
        LanAddresses.Names withPublic = new LanAddresses.Names(Set.of("localhost", "shop-pc", "gw.example.com"),
                Set.of("127.0.0.1", "::1", "192.168.1.20", "203.0.113.9", "2001:db8::5"));
        LocalCertificates certs = LocalCertificates.open(new DataDir(dir), clock, () -> withPublic);
        X509Certificate server = certs.serverCertificate();
        LanAddresses.Names covered = LocalCertificates.namesOf(server);
        assertThat(covered.ipAddresses()).contains("192.168.1.20", "127.0.0.1").doesNotContain("203.0.113.9",
                "2001:db8:0:0:0:0:0:5");
        assertThat(covered.dnsNames()).contains("shop-pc", "localhost").doesNotContain("gw.example.com");
        trustManagerFor(certs.caCertificate()).checkServerTrusted(withRoot(certs.chain(), certs.caCertificate()),
                "ECDHE_ECDSA");
        assertThat(certs.refresh()).as("not re-issued on every check").isFalse();
    }

    @Test
    void theServerCertificateNeverOutlivesTheCa() {
        LocalCertificates certs = LocalCertificates.open(new DataDir(dir), clock, () -> SHOP);
        clock.advance(Duration.ofDays(500));
        certs.refresh();
        assertThat(certs.serverCertificate().getNotAfter()).isBeforeOrEqualTo(certs.caCertificate().getNotAfter());
    }

    @Test
    void aCaNearItsEndIsReplacedAndTheLogSaysPhonesMustPairAgain() {
        LocalCertificates certs = LocalCertificates.open(new DataDir(dir), clock, () -> SHOP);
        X509Certificate first = certs.caCertificate();
        clock.advance(Duration.ofDays(725));
        assertThat(certs.refresh()).isTrue();
        assertThat(certs.caCertificate()).isNotEqualTo(first);
        assertThat(certs.serverCertificate().getIssuerX500Principal())
                .isEqualTo(certs.chain()[1].getSubjectX500Principal());
        assertThat(certs.chain()[1].getIssuerX500Principal()).isEqualTo(certs.caCertificate().getSubjectX500Principal());
    }

    @Test
    void withoutTheCaKeyTheCaIsKeptWhileItsServerCertificateServesThenReplaced() throws Exception {
        LocalCertificates original = LocalCertificates.open(new DataDir(dir), clock, () -> SHOP);
        Files.delete(dir.resolve("tls-issuer-key.pem")); // as restored from a backup without the signing key
        LocalCertificates restored = LocalCertificates.open(new DataDir(dir), clock, () -> SHOP);
        assertThat(restored.caFingerprint()).isEqualTo(original.caFingerprint());
        assertThat(restored.serverCertificate()).isEqualTo(original.serverCertificate());

        LanAddresses.Names moved = new LanAddresses.Names(SHOP.dnsNames(), Set.of("127.0.0.1", "::1", "10.0.0.7"));
        LocalCertificates elsewhere = LocalCertificates.open(new DataDir(dir), clock, () -> moved);
        assertThat(elsewhere.caFingerprint()).as("a new CA: the old one cannot sign").isNotEqualTo(
                original.caFingerprint());
        assertThat(Files.exists(dir.resolve("tls-issuer-key.pem"))).isTrue();
        trustManagerFor(elsewhere.caCertificate()).checkServerTrusted(withRoot(elsewhere.chain(),
                elsewhere.caCertificate()), "ECDHE_ECDSA");
    }

    private static PrivateKey key(Path file) throws Exception {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String body = pem.lines().filter(l -> !l.startsWith("-----")).collect(Collectors.joining());
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(body)));
    }

    /** A server certificate for {@code dns} and {@code ip}, signed with the CA's key: what a thief could make. */
    private static X509Certificate leaf(X509Certificate ca, PrivateKey caKey, String dns, String ip, boolean asCa)
            throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair pair = g.generateKeyPair();
        long now = System.currentTimeMillis();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, BigInteger.valueOf(now),
                new Date(now - 3_600_000), new Date(now + 86_400_000L), new X500Name("CN=forged"),
                pair.getPublic());
        if (asCa) {
            b.addExtension(Extension.basicConstraints, true, new org.bouncycastle.asn1.x509.BasicConstraints(0));
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, dns),
                new GeneralName(GeneralName.iPAddress, new DEROctetString(InetAddress.getByName(ip).getAddress()))}));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(
                "SHA256withECDSA").build(caKey)));
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

package app.smsdesk.gateway.tls;

import app.smsdesk.gateway.store.DataDir;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMSDesk's own certificate authority and the server certificate it signs, so that phones (whose app refuses
 * plain HTTP except to 127.0.0.1) can reach the gateway over HTTPS after installing the CA once. Created on first
 * start and kept in the data directory (owner-only); the server certificate covers localhost, the host name and
 * every LAN address, and is re-issued when those change or it nears expiry. The CA is never replaced, so phones
 * keep trusting the gateway.
 */
public final class LocalCertificates {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCertificates.class);
    static final String CA_KEY = "tls-ca-key.pem";
    static final String CA_CERT = "tls-ca-cert.pem";
    static final String SERVER_KEY = "tls-server-key.pem";
    static final String SERVER_CERT = "tls-server-cert.pem";
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Just under the 398 days clients accept for a server certificate. */
    static final Duration SERVER_VALIDITY = Duration.ofDays(397);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataDir dir;
    private final Clock clock;
    private final Supplier<LanAddresses.Names> names;
    private final PrivateKey caKey;
    private final X509Certificate caCert;
    private final SwappableKeyManager keyManager = new SwappableKeyManager();
    private final SSLContext sslContext;
    private volatile X509Certificate serverCert;

    private LocalCertificates(DataDir dir, Clock clock, Supplier<LanAddresses.Names> names) {
        this.dir = dir;
        this.clock = clock;
        this.names = names;
        LanAddresses.Names wanted = names.get();
        Optional<String> key = dir.readSecret(CA_KEY);
        Optional<String> cert = dir.readSecret(CA_CERT);
        if (key.isPresent() && cert.isPresent()) {
            this.caKey = readKey(key.get());
            this.caCert = readCert(cert.get());
        } else {
            KeyPair pair = newKeyPair();
            this.caKey = pair.getPrivate();
            this.caCert = issueCa(pair, hostLabel(wanted));
            dir.writeSecret(CA_KEY, pem("PRIVATE KEY", caKey.getEncoded()));
            dir.writeSecret(CA_CERT, pem("CERTIFICATE", encoded(caCert)));
            LOG.info("created the local certificate authority ({})", fingerprint(caCert));
        }
        loadOrIssueServer(wanted);
        try {
            this.sslContext = SSLContext.getInstance("TLS");
            sslContext.init(new KeyManager[] {keyManager}, null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /** Loads (or creates) the CA and a server certificate for the machine's current names. */
    public static LocalCertificates open(DataDir dir, Clock clock) {
        return new LocalCertificates(dir, clock, LanAddresses::current);
    }

    /** With a fixed source of names (tests). */
    public static LocalCertificates open(DataDir dir, Clock clock, Supplier<LanAddresses.Names> names) {
        return new LocalCertificates(dir, clock, names);
    }

    /** An SSL context serving the current server certificate; it follows {@link #refresh()} without restarting. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** Re-issues the server certificate when the LAN addresses changed or it nears expiry; true if it did. */
    public synchronized boolean refresh() {
        LanAddresses.Names wanted = names.get();
        if (covers(serverCert, wanted) && !nearExpiry(serverCert)) {
            return false;
        }
        issueServer(wanted);
        return true;
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    public X509Certificate serverCertificate() {
        return serverCert;
    }

    public byte[] caDer() {
        return encoded(caCert);
    }

    public String caPem() {
        return pem("CERTIFICATE", encoded(caCert));
    }

    /** SHA-256 of the CA certificate, as colon-separated upper-case hex (what phones show). */
    public String caFingerprint() {
        return fingerprint(caCert);
    }

    private void loadOrIssueServer(LanAddresses.Names wanted) {
        Optional<String> key = dir.readSecret(SERVER_KEY);
        Optional<String> cert = dir.readSecret(SERVER_CERT);
        if (key.isPresent() && cert.isPresent()) {
            X509Certificate c = readCert(cert.get());
            if (signedByCa(c) && covers(c, wanted) && !nearExpiry(c)) {
                serverCert = c;
                keyManager.set(readKey(key.get()), new X509Certificate[] {c, caCert});
                return;
            }
        }
        issueServer(wanted);
    }

    private void issueServer(LanAddresses.Names wanted) {
        KeyPair pair = newKeyPair();
        X509Certificate cert = issueServerCert(pair, wanted);
        dir.writeSecret(SERVER_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        dir.writeSecret(SERVER_CERT, pem("CERTIFICATE", encoded(cert)));
        serverCert = cert;
        keyManager.set(pair.getPrivate(), new X509Certificate[] {cert, caCert});
        LOG.info("issued a server certificate for {} {}", wanted.dnsNames(), wanted.ipAddresses());
    }

    private X509Certificate issueCa(KeyPair pair, String label) {
        Instant now = clock.instant();
        X500Name name = new X500Name("CN=SMSDesk local CA (" + label + "), O=SMSDesk");
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_VALIDITY)), name,
                    pair.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
                    | KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return sign(b, pair.getPrivate());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot create the local CA", e);
        }
    }

    private X509Certificate issueServerCert(KeyPair pair, LanAddresses.Names wanted) {
        Instant now = clock.instant();
        List<GeneralName> san = new ArrayList<>();
        wanted.dnsNames().forEach(n -> san.add(new GeneralName(GeneralName.dNSName, n)));
        for (String ip : wanted.ipAddresses()) {
            try {
                san.add(new GeneralName(GeneralName.iPAddress,
                        new DEROctetString(InetAddress.getByName(ip).getAddress())));
            } catch (UnknownHostException e) {
                LOG.warn("skipping address {} in the certificate", ip);
            }
        }
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(SERVER_VALIDITY)),
                    new X500Name("CN=SMSDesk gateway (" + hostLabel(wanted) + ")"), pair.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(san.toArray(new GeneralName[0])));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return sign(b, caKey);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue the server certificate", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private boolean signedByCa(X509Certificate c) {
        try {
            c.verify(caCert.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private boolean nearExpiry(X509Certificate c) {
        return c.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE));
    }

    /** True when the certificate's subject alternative names include every wanted name. */
    static boolean covers(X509Certificate c, LanAddresses.Names wanted) {
        return wanted.coveredBy(namesOf(c));
    }

    /** The DNS names and IP addresses a certificate covers. */
    public static LanAddresses.Names namesOf(X509Certificate c) {
        Set<String> dns = new TreeSet<>();
        Set<String> ips = new TreeSet<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    String value = String.valueOf(san.get(1));
                    if (type == GeneralName.dNSName) {
                        dns.add(value);
                    } else if (type == GeneralName.iPAddress) {
                        ips.add(LanAddresses.text(InetAddress.getByName(value)));
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException | UnknownHostException e) {
            // unreadable names: treat as covering nothing
        }
        return new LanAddresses.Names(dns, ips);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC keys unavailable", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    /** The host name for certificate subjects (what the phone shows in its list of installed CAs). */
    private static String hostLabel(LanAddresses.Names names) {
        return names.dnsNames().stream().filter(n -> !n.equals("localhost")).findFirst().orElse("this computer")
                .replaceAll("[,+=<>#;\"\\\\]", "");
    }

    static String fingerprint(X509Certificate c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded(c));
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----";
    }

    private static byte[] unpem(String pem) {
        String body = pem.lines().filter(l -> !l.startsWith("-----")).collect(Collectors.joining());
        return Base64.getDecoder().decode(body);
    }

    private static PrivateKey readKey(String pem) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(unpem(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable key in the data directory", e);
        }
    }

    private static X509Certificate readCert(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable certificate in the data directory", e);
        }
    }
}

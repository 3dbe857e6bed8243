package app.smsdesk.gateway.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
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

/** Makes the local CA's certificates (Bouncy Castle) and reads and writes them and their keys as PEM. */
final class CertificateMaker {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateMaker.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate and the private key that goes with it. */
    record Signer(X509Certificate cert, PrivateKey key) {
    }

    private CertificateMaker() {
    }

    /**
     * A new CA: a self-signed root (what phones install) and an issuing CA under it, both name-constrained; the
     * root's key signs the issuing CA and is then forgotten, never written anywhere. Many validators (the JDK's
     * among them) ignore constraints in a trust anchor, but all of them enforce the constraints of an intermediate:
     * with the root key gone, whoever steals the issuing key can only make certificates within the constraints.
     *
     * @return the root (with no key) and the issuing CA (with its key)
     */
    static List<Signer> newCa(String label, CaNameConstraints constraints, Instant now, Duration validity) {
        KeyPair root = newKeyPair();
        KeyPair issuing = newKeyPair();
        Date from = Date.from(now.minus(Duration.ofHours(1)));
        Date until = Date.from(now.plus(validity));
        X500Name rootName = new X500Name("CN=SMSDesk local CA (" + label + "), O=SMSDesk");
        X500Name issuingName = new X500Name("CN=SMSDesk issuing CA (" + label + "), O=SMSDesk");
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder r = new JcaX509v3CertificateBuilder(rootName, serial(), from, until, rootName,
                    root.getPublic());
            caExtensions(r, ext, root, 1, constraints);
            X509Certificate rootCert = sign(r, root.getPrivate());
            X509v3CertificateBuilder i = new JcaX509v3CertificateBuilder(rootCert, serial(), from, until,
                    issuingName, issuing.getPublic());
            caExtensions(i, ext, issuing, 0, constraints);
            i.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(rootCert));
            X509Certificate issuingCert = sign(i, root.getPrivate());
            return List.of(new Signer(rootCert, null), new Signer(issuingCert, issuing.getPrivate()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create the local CA", e);
        }
    }

    private static void caExtensions(X509v3CertificateBuilder b, JcaX509ExtensionUtils ext, KeyPair pair,
                                     int pathLength, CaNameConstraints constraints) throws IOException {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
                | KeyUsage.digitalSignature));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        b.addExtension(Extension.nameConstraints, true, constraints.extension());
    }

    /** A server certificate for {@code names}, signed by {@code issuer}, valid until {@code until}. */
    static Signer server(Signer issuer, LanAddresses.Names names, String label, Instant now, Instant until) {
        KeyPair pair = newKeyPair();
        List<GeneralName> san = new ArrayList<>();
        names.dnsNames().forEach(n -> san.add(new GeneralName(GeneralName.dNSName, n)));
        for (String ip : names.ipAddresses()) {
            try {
                san.add(new GeneralName(GeneralName.iPAddress,
                        new DEROctetString(InetAddress.getByName(ip).getAddress())));
            } catch (UnknownHostException e) {
                LOG.warn("skipping address {} in the certificate", ip);
            }
        }
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.cert(), serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(until),
                    new X500Name("CN=SMSDesk gateway (" + label + ")"), pair.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(san.toArray(new GeneralName[0])));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer.cert()));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return new Signer(sign(b, issuer.key()), pair.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
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

    static boolean signedBy(X509Certificate c, X509Certificate issuer) {
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
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

    static String fingerprint(X509Certificate c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded(c));
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(X509Certificate c) {
        return pem("CERTIFICATE", encoded(c));
    }

    static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----";
    }

    private static byte[] unpem(String pem) {
        String body = pem.lines().filter(l -> !l.startsWith("-----")).collect(Collectors.joining());
        return Base64.getDecoder().decode(body);
    }

    static PrivateKey readKey(String pem) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(unpem(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable key in the data directory", e);
        }
    }

    static X509Certificate readCert(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable certificate in the data directory", e);
        }
    }
}
